package com.retentiondesk.imports;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/dispatches/{id}} and {@code GET /api/customers/imports/{id}}: the state of a list that
 * runs in the background, {@code {"state": "RUNNING" | "DONE" | "FAILED", "rowsRead", "opened", "skipped",
 * "rejected", "report"}}, from the database, so any node answers. The groups are those that may upload it.
 */
@RestController
class ListJobController {

	private final ListJobs jobs;

	ListJobController(ListJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/api/dispatches/{id}")
	@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS, DeskGroups.INTEGRATION })
	Map<String, Object> dispatch(@PathVariable String id) {
		return state(ListJobs.Kind.DISPATCH, id);
	}

	@GetMapping("/api/customers/imports/{id}")
	@AllowedGroups({ DeskGroups.ADMINS, DeskGroups.INTEGRATION })
	Map<String, Object> customerImport(@PathVariable String id) {
		return state(ListJobs.Kind.CUSTOMER_IMPORT, id);
	}

	private Map<String, Object> state(ListJobs.Kind kind, String id) {
		return jobs.find(kind, id).map(jobs::state)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个名单任务: " + id));
	}
}
