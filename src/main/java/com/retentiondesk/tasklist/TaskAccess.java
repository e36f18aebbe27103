package com.retentiondesk.tasklist;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.task.CommentDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ShownBriefs;
import com.retentiondesk.web.ReplayedBody;

/**
 * What Tasklist does to one task, made to work with authorization on, on both REST paths
 * ({@code /engine-rest/task/{id}...} and Tasklist's {@code /camunda/api/engine/engine/default/task/{id}...}):
 * <ul>
 * <li>A task the caller may not read answers 404 with a Chinese message before the engine is asked, whatever
 * the action (the engine answered an English 404 for reading, 403 for completing, 500 or 400 for others).</li>
 * <li>{@code PUT /task/{id}}: Tasklist sends the body of {@code GET /task/{id}} back with a date changed, and
 * 7.24's {@code TaskDto} cannot read its own {@code camundaFormRef} (an interface; fixed in the Operaton fork,
 * no CE fix). The field, which a PUT cannot change anyway, is dropped from the body.</li>
 * <li>Comments: the engine REST checks that the task exists through the task's <em>history</em>, which a
 * manager may not read (READ_HISTORY would open every customer's history), and answered "No task found".
 * Listing and adding comments of a task the caller may read is answered here, through the same engine
 * call and with the same JSON as the engine REST.</li>
 * <li>The case brief (客户情况) of a form as it reads now ({@link ShownBriefs}).</li>
 * </ul>
 * The caller is who the engine REST's authentication filter set, or the Tasklist session's user.
 */
final class TaskAccess extends OncePerRequestFilter {

	static final String NOT_FOUND_MESSAGE = "任务不存在，或您无权查看此任务";

	/** A task resource on either path: the id, then what is done to it. */
	private static final Pattern TASK = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)(/.*)?$");
	/** Collection resources under /task that are no task id. */
	private static final List<String> NOT_IDS = List.of("count", "create", "report");
	private static final Pattern COMMENT = Pattern.compile("^/comment(?:/create|/([^/]+))?$");

	/** Where Tasklist reads the variables a form shows. */
	private static final Pattern SHOWN_VARIABLES = Pattern.compile("^/(?:form-variables|variables)$");

	private final ProcessEngine engine;
	private final ShownBriefs briefs;
	private final ObjectMapper json = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

	TaskAccess(ProcessEngine engine, ShownBriefs briefs) {
		this.engine = engine;
		this.briefs = briefs;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher task = TASK.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!task.matches() || NOT_IDS.contains(task.group(1)) || "OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		Authentication caller = caller(request);
		if (caller == null) {
			// not logged in: the engine's filters answer 401
			chain.doFilter(request, response);
			return;
		}
		String taskId = task.group(1);
		String action = task.group(2) == null ? "" : task.group(2);
		Task readable = asCaller(caller, () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
		if (readable == null) {
			answer(response, HttpServletResponse.SC_NOT_FOUND,
					Map.of("type", "RestException", "message", NOT_FOUND_MESSAGE));
			return;
		}
		Matcher comment = COMMENT.matcher(action);
		if (comment.matches()) {
			comments(request, response, caller, readable, comment.group(1));
		} else if ("GET".equals(request.getMethod()) && SHOWN_VARIABLES.matcher(action).matches()) {
			withBriefAsShown(request, response, chain, readable);
		} else if (action.isEmpty() && "PUT".equals(request.getMethod())) {
			chain.doFilter(withoutFormRef(request), response);
		} else {
			chain.doFilter(request, response);
		}
	}

	private void comments(HttpServletRequest request, HttpServletResponse response, Authentication caller, Task task,
			String commentId) throws IOException {
		TaskService tasks = engine.getTaskService();
		String method = request.getMethod();
		String self = request.getRequestURL().toString();
		if ("POST".equals(method) && request.getRequestURI().endsWith("/comment/create")) {
			JsonNode body = json.readTree(request.getInputStream());
			String message = body == null ? null : body.path("message").asText(null);
			if (message == null || message.isBlank()) {
				answer(response, HttpServletResponse.SC_BAD_REQUEST,
						Map.of("type", "InvalidRequestException", "message", "评论内容不能为空"));
				return;
			}
			// the process instance only when Tasklist is told to send it (assignProcessInstanceIdToTaskComment)
			String processInstanceId = body.path("processInstanceId").asText(null);
			Comment created = asCaller(caller, () -> tasks.createComment(task.getId(), processInstanceId, message));
			answer(response, HttpServletResponse.SC_OK,
					dto(created, self.substring(0, self.length() - "create".length()) + created.getId()));
		} else if ("GET".equals(method) && commentId == null) {
			List<Comment> comments = asCaller(caller, () -> tasks.getTaskComments(task.getId()));
			answer(response, HttpServletResponse.SC_OK,
					comments.stream().map(c -> dto(c, self + "/" + c.getId())).toList());
		} else if ("GET".equals(method)) {
			Comment found = asCaller(caller, () -> tasks.getTaskComment(task.getId(), commentId));
			if (found == null) {
				answer(response, HttpServletResponse.SC_NOT_FOUND,
						Map.of("type", "InvalidRequestException", "message", "此任务没有这条评论"));
			} else {
				answer(response, HttpServletResponse.SC_OK, dto(found, self));
			}
		} else {
			answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
					Map.of("type", "RestException", "message", "不支持的操作"));
		}
	}

	/**
	 * The case brief in the form as it reads now ({@link ShownBriefs}): from the case row (issue 32: no longer a
	 * process variable; a case opened before keeps its variable), codes in Chinese, the other open cases.
	 */
	private void withBriefAsShown(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Task task)
			throws IOException, ServletException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, answer);
			if (answer.getStatus() == HttpServletResponse.SC_OK && task.getProcessInstanceId() != null
					&& json.readTree(answer.getContentAsByteArray()) instanceof ObjectNode variables) {
				String stored = briefs.storedBrief(task.getProcessInstanceId())
						.orElse(variables.path(CaseVariables.CASE_BRIEF).path("value").asText(null));
				if (stored != null) {
					ObjectNode brief = variables.putObject(CaseVariables.CASE_BRIEF);
					brief.put("type", "String");
					brief.put("value", briefs.asShown(stored, task.getProcessInstanceId()));
					brief.putObject("valueInfo");
					answer.resetBuffer();
					answer.getOutputStream().write(json.writeValueAsBytes(variables));
				}
			}
		} finally {
			answer.copyBodyToResponse();
		}
	}

	private static CommentDto dto(Comment comment, String self) {
		CommentDto dto = CommentDto.fromComment(comment);
		dto.addReflexiveLink(java.net.URI.create(self), "GET", "self");
		return dto;
	}

	private HttpServletRequest withoutFormRef(HttpServletRequest request) throws IOException {
		JsonNode body = json.readTree(request.getInputStream());
		if (body instanceof ObjectNode task) {
			task.remove("camundaFormRef");
		}
		byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
		return new ReplayedBody(request, bytes);
	}

	/**
	 * The caller: set on the engine by the engine REST's authentication filter (it runs before this one), or the
	 * Tasklist session's user for the webapps' path.
	 */
	private Authentication caller(HttpServletRequest request) {
		IdentityService identity = engine.getIdentityService();
		if (identity.getCurrentAuthentication() != null) {
			return identity.getCurrentAuthentication();
		}
		HttpSession session = request.getSession(false);
		Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
		if (authentications != null
				&& authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user) {
			return new Authentication(user.getName(), List.copyOf(user.getGroupIds()), List.copyOf(user.getTenantIds()));
		}
		return null;
	}

	/** Runs an engine call with the caller's authorizations, leaving the thread's authentication as it was. */
	private <T> T asCaller(Authentication caller, java.util.function.Supplier<T> call) {
		IdentityService identity = engine.getIdentityService();
		Authentication before = identity.getCurrentAuthentication();
		identity.setAuthentication(caller);
		try {
			return call.get();
		} finally {
			if (before == null) {
				identity.clearAuthentication();
			} else {
				identity.setAuthentication(before);
			}
		}
	}

	/**
	 * On both REST paths, after the engine REST's authentication and the webapps' own filters (CSRF above all),
	 * so a comment is added only by a request those let through. Camunda's initializer adds the webapps'
	 * filters to the servlet context, each mapped after those before it; Spring Boot runs the filter
	 * registration beans before any plain initializer, so this is a plain initializer too, from an
	 * auto-configuration after Camunda's: its filter is mapped behind theirs. {@code TaskActionsTest} fails if not.
	 */
	@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
	public static class Registration {

		@Bean
		ServletContextInitializer taskAccess(ProcessEngine engine, ShownBriefs briefs) {
			return context -> context.addFilter("task-access", new TaskAccess(engine, briefs)).addMappingForUrlPatterns(
					EnumSet.of(DispatcherType.REQUEST), true, "/engine-rest/task/*", "/camunda/api/engine/*");
		}
	}

	private void answer(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}
}
