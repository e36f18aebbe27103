package com.retentiondesk.billing;

import java.io.IOException;
import java.io.InputStream;

import com.retentiondesk.imports.ListReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code POST /api/billing/monthly-usage}: billing's monthly usage, as a JSON array or as a CSV/.xlsx
 * file in the multipart part {@code file}; a {@link ListReport} back.
 */
@RestController
@AllowedGroups({ DeskGroups.INTEGRATION, DeskGroups.ADMINS })
class UsageFeedController {

	private final UsageFeed feed;

	UsageFeedController(UsageFeed feed) {
		this.feed = feed;
	}

	@PostMapping(path = "/api/billing/monthly-usage", consumes = MediaType.APPLICATION_JSON_VALUE)
	ListReport json(@RequestBody JsonNode rows) {
		return feed.feedJson(rows);
	}

	@PostMapping(path = "/api/billing/monthly-usage", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ListReport file(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("上传的文件为空: '" + file.getOriginalFilename() + "'");
		}
		try (InputStream in = file.getInputStream()) {
			return feed.feedFile(file.getOriginalFilename(), in);
		}
	}
}
