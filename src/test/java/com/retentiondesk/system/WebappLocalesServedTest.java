package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;

/** The running desk serves our Chinese locale files and the config that offers them. */
@DeskTest
class WebappLocalesServedTest {

	@Autowired
	TestRestTemplate http;

	@org.junit.jupiter.api.Test
	void shouldServeTheKpiDashboardPluginToCockpit() {
		ResponseEntity<String> config = http.getForEntity("/camunda/app/cockpit/scripts/config.js", String.class);
		ResponseEntity<String> plugin = http.getForEntity("/camunda/app/cockpit/scripts/retention-kpi.js", String.class);

		assertThat(config.getBody()).contains("customScripts: ['scripts/retention-kpi.js', 'scripts/case-brief.js']");
		assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(plugin.getBody()).contains("pluginPoint: 'cockpit.dashboard'").contains("保有看板").contains("/api/kpi");
		ResponseEntity<String> tab = http.getForEntity("/camunda/app/cockpit/scripts/case-brief.js", String.class);
		assertThat(tab.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tab.getBody()).contains("pluginPoint: 'cockpit.processInstance.runtime.tab'").contains("客户情况")
				.contains("/api/cases/by-process/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldServeChineseAndOfferItToTheBrowser(String app) {
		ResponseEntity<String> zh = http.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class);
		ResponseEntity<String> config = http.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);

		assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(zh.getBody()).contains("\"BANNER_CE_EOL_TEXT\"").containsPattern("[\\u4e00-\\u9fa5]{4}");
		assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(config.getBody()).contains("availableLocales").contains("'zh'");
	}
}
