package com.retentiondesk.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Who may change a user. The engine gives every user ALL on their own user (and so DELETE and UPDATE),
 * and it has no permission for "the password only": a manager could delete themselves or rename
 * themselves "系统管理员". Here, an authenticated caller who is not an administrator may save only their
 * own user with its names and e-mail unchanged (that is, change their password) and delete no user, on
 * every path: {@code /engine-rest}, the webapps' API, the Welcome app's profile page. The desk's own
 * code runs unauthenticated and is not affected.
 * <p>
 * A password the policy refuses and a user id the engine does not accept are the caller's mistakes:
 * 400 with a Chinese message, not the engine's 500.
 */
@Component
class IdentityGuard extends AbstractProcessEnginePlugin {

	static final String OWN_PASSWORD_ONLY = "只有管理员可以新建、修改或删除用户;其他用户只能修改自己的密码";
	static final String WEAK_PASSWORD = "密码不符合密码策略:至少10个字符,须含大写字母、小写字母、数字和符号,且不能包含用户名或姓名";
	static final String INVALID_ID = "用户名无效: 只能包含字母和数字 (例如 manager9)";
	/** How the engine (7.24) ends its message for an id outside user-resource-whitelist-pattern. */
	private static final String ENGINE_INVALID_ID = "is not a valid resource identifier.";
	/** The engine's message (SaveUserCmd, 7.24) for a password its policy refuses. */
	private static final String ENGINE_WEAK_PASSWORD = "Password does not match policy";

	private static final Field SAVED_USER = CommandFields.field(SaveUserCmd.class, "user");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		CommandFields.guardEveryCommand(configuration, new Interceptor(configuration), new Interceptor(configuration));
	}

	private static final class Interceptor extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		Interceptor(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (!(command instanceof SaveUserCmd) && !(command instanceof DeleteUserCmd)) {
				return next.execute(command);
			}
			Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
			if (caller != null && !isAdministrator(caller)) {
				if (command instanceof DeleteUserCmd
						|| !changesOnlyOwnPassword(caller.getUserId(), (User) CommandFields.read(SAVED_USER, command))) {
					throw new AuthorizationException(OWN_PASSWORD_ONLY);
				}
			}
			try {
				return next.execute(command);
			} catch (ProcessEngineException e) {
				if (e.getClass() == ProcessEngineException.class && ENGINE_WEAK_PASSWORD.equals(e.getMessage())) {
					throw new BadUserRequestException(WEAK_PASSWORD);
				}
				if (e.getClass() == ProcessEngineException.class && e.getMessage() != null
						&& e.getMessage().endsWith(ENGINE_INVALID_ID)) {
					throw new BadUserRequestException(INVALID_ID);
				}
				throw e;
			}
		}

		private boolean isAdministrator(Authentication caller) {
			List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
			List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
			List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
			return adminUsers.contains(caller.getUserId()) || groups.stream().anyMatch(adminGroups::contains);
		}

		/** An existing user, the caller's own, whose names and e-mail stay as stored. */
		private boolean changesOnlyOwnPassword(String callerId, User user) {
			if (!(user instanceof UserEntity entity) || entity.getRevision() == 0 || !Objects.equals(callerId, user.getId())) {
				return false;
			}
			User stored = configuration.getIdentityService().createUserQuery().userId(user.getId()).singleResult();
			return stored != null && Objects.equals(stored.getFirstName(), user.getFirstName())
					&& Objects.equals(stored.getLastName(), user.getLastName())
					&& Objects.equals(stored.getEmail(), user.getEmail());
		}
	}
}
