package com.retentiondesk.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/** {@code POST /api/dispatches}: a target list (派单) in, a dispatch report out. */
@RestController
class DispatchController {

	private final DispatchImport dispatches;

	DispatchController(DispatchImport dispatches) {
		this.dispatches = dispatches;
	}

	@PostMapping(path = "/api/dispatches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS, DeskGroups.INTEGRATION })
	DispatchReport dispatch(@RequestParam("file") MultipartFile file, @RequestParam("campaign") String campaign,
			@RequestParam("deadline") String deadline) throws IOException {
		LocalDate until;
		try {
			until = LocalDate.parse(deadline.trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("deadline: 日期格式错误 '" + deadline + "' (应为 yyyy-MM-dd)");
		}
		if (file.isEmpty()) {
			throw new IllegalArgumentException("file: 上传的文件为空");
		}
		try (InputStream in = file.getInputStream()) {
			return dispatches.importFile(file.getOriginalFilename(), in, campaign, until);
		}
	}
}
