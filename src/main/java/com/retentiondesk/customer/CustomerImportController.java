package com.retentiondesk.customer;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/** {@code POST /api/customers/import}: a BSS export (CSV or .xlsx) in, an import report out. */
@RestController
class CustomerImportController {

	private final CustomerImport customerImport;

	CustomerImportController(CustomerImport customerImport) {
		this.customerImport = customerImport;
	}

	@PostMapping(path = "/api/customers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@AllowedGroups({ DeskGroups.ADMINS, DeskGroups.INTEGRATION })
	ImportReport importCustomers(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("上传的文件为空: '" + file.getOriginalFilename() + "'");
		}
		try (InputStream in = file.getInputStream()) {
			return customerImport.importFile(file.getOriginalFilename(), in);
		}
	}
}
