package com.retentiondesk.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.retentiondesk.customer.TabularFile;
import com.retentiondesk.imports.ListJobs;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code POST /api/dispatches}: a target list (派单) in, a dispatch report ({@code ListReport}) out with
 * 200; a list over {@code desk.lists.background-above} rows (5,000) is answered 202 with
 * {@code Location: /api/dispatches/{id}} and dispatched in the background.
 */
@RestController
class DispatchController {

	private final DispatchImport dispatches;
	private final ListJobs jobs;

	DispatchController(DispatchImport dispatches, ListJobs jobs) {
		this.dispatches = dispatches;
		this.jobs = jobs;
	}

	@PostMapping(path = "/api/dispatches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS, DeskGroups.INTEGRATION })
	ResponseEntity<?> dispatch(@RequestParam("file") MultipartFile file, @RequestParam("campaign") String campaign,
			@RequestParam("deadline") String deadline, HttpServletRequest request) throws IOException {
		LocalDate until;
		try {
			until = LocalDate.parse(deadline.trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("deadline: 日期格式错误 '" + deadline + "' (应为 yyyy-MM-dd)");
		}
		if (file.isEmpty()) {
			throw new IllegalArgumentException("file: 上传的文件为空");
		}
		dispatches.check(campaign, until);
		String name = file.getOriginalFilename();
		Path saved;
		try (InputStream in = file.getInputStream()) {
			saved = ListJobs.save(in);
		}
		boolean background = false;
		try {
			int rows;
			try (InputStream in = Files.newInputStream(saved)) {
				rows = TabularFile.countRows(name, in, Integer.MAX_VALUE - 1);
			}
			if (rows > jobs.backgroundAbove()) {
				ListJobs.Job job = jobs.start(ListJobs.Kind.DISPATCH, name, saved, rows, DeskPrincipal.of(request).userId(),
						(path, tally) -> {
							try (InputStream in = Files.newInputStream(path)) {
								return dispatches.importFile(name, in, campaign, until, tally);
							}
						});
				background = true;
				return ResponseEntity.accepted().location(URI.create(job.location())).body(jobs.state(job));
			}
			try (InputStream in = Files.newInputStream(saved)) {
				return ResponseEntity.ok(dispatches.importFile(name, in, campaign, until));
			}
		} finally {
			if (!background) {
				ListJobs.delete(saved);
			}
		}
	}
}
