package com.retentiondesk.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/** {@code POST /api/admin/migrations}: move running cases to another version of their process. */
@RestController
class MigrationController {

	record MigrationRequest(String processKey, Integer fromVersion, Integer toVersion, Boolean dryRun) {
	}

	private final CaseMigrations migrations;

	MigrationController(CaseMigrations migrations) {
		this.migrations = migrations;
	}

	@PostMapping("/api/admin/migrations")
	@AllowedGroups(DeskGroups.ADMINS)
	CaseMigrations.Report migrate(@RequestBody MigrationRequest request) {
		if (request.processKey() == null || request.processKey().isBlank()) {
			throw new IllegalArgumentException("processKey: 缺少流程键 (例如 ArrearsReminderProcess)");
		}
		if (request.fromVersion() == null || request.fromVersion() < 1) {
			throw new IllegalArgumentException("fromVersion: 缺少源版本号");
		}
		try {
			// a dry run unless asked otherwise: migrating is not undone by accident
			return migrations.migrate(request.processKey().trim(), request.fromVersion(), request.toVersion(),
					request.dryRun() == null || request.dryRun());
		} catch (CaseMigrations.UnknownVersionException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
		}
	}
}
