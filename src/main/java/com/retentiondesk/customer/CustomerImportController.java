package com.retentiondesk.customer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.retentiondesk.imports.ListJobs;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code POST /api/customers/import}: a BSS export (CSV or .xlsx) in, an import report ({@code ListReport})
 * out with 200; a file over {@code desk.lists.background-above} rows (5,000) is answered 202 with
 * {@code Location: /api/customers/imports/{id}} and imported in the background.
 */
@RestController
class CustomerImportController {

	private final CustomerImport customerImport;
	private final ListJobs jobs;

	CustomerImportController(CustomerImport customerImport, ListJobs jobs) {
		this.customerImport = customerImport;
		this.jobs = jobs;
	}

	@PostMapping(path = "/api/customers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@AllowedGroups({ DeskGroups.ADMINS, DeskGroups.INTEGRATION })
	ResponseEntity<?> importCustomers(@RequestParam("file") MultipartFile file, HttpServletRequest request)
			throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("上传的文件为空: '" + file.getOriginalFilename() + "'");
		}
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
				ListJobs.Job job = jobs.start(ListJobs.Kind.CUSTOMER_IMPORT, name, saved, rows,
						DeskPrincipal.of(request).userId(), (path, tally) -> {
							try (InputStream in = Files.newInputStream(path)) {
								return customerImport.importFile(name, in, tally);
							}
						});
				background = true;
				return ResponseEntity.accepted().location(URI.create(job.location())).body(jobs.state(job));
			}
			try (InputStream in = Files.newInputStream(saved)) {
				return ResponseEntity.ok(customerImport.importFile(name, in));
			}
		} finally {
			if (!background) {
				ListJobs.delete(saved);
			}
		}
	}
}
