package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda 7.24 ships its webapps in English and German only. The desk adds Chinese (zh) with files
 * of its own under the webjar's paths: a locales/zh.json and a scripts/config.js per app. A key
 * missing from zh.json shows up as its raw name in the browser, so every English key must be there.
 */
class WebappLocalesTest {

	private static final String APPS = "META-INF/resources/webjars/camunda/app/";

	private static final String WEBJAR = "camunda-webapp-webjar";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest(name = "should translate every key of the English {0}")
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldTranslateEveryKeyOfTheEnglishApp(String app) throws IOException {
		URL english = resource(app + "/locales/en.json");
		URL chinese = resource(app + "/locales/zh.json");
		assertThat(english.toString()).as("English comes from the Camunda webjar").contains(WEBJAR);
		assertThat(chinese.toString()).as("Chinese comes from the desk").doesNotContain(WEBJAR);

		List<String> problems = new ArrayList<>();
		compare("", read(english), read(chinese), problems);

		assertThat(problems).as("keys of %s/locales/zh.json that would not show Chinese", app).isEmpty();
	}

	/**
	 * Chinese is also the fallback: with English as the fallback, angular-translate loads both files, and each
	 * file's date locale sets moment's global locale, so relative times came in whichever language loaded last.
	 */
	@ParameterizedTest(name = "should offer Chinese, also as the fallback, in {0}")
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldOfferChineseAlsoAsTheFallback(String app) throws IOException {
		URL config = resource(app + "/scripts/config.js");
		assertThat(config.toString()).as("the desk's config.js wins over the webjar's").doesNotContain(WEBJAR);

		assertThat(text(config))
				.containsPattern("(?m)^\\s*locales:\\s*\\{")
				.containsPattern("(?m)^\\s*availableLocales:\\s*\\[[^\\]]*'zh'[^\\]]*]")
				.containsPattern("(?m)^\\s*fallbackLocale:\\s*'zh'");
	}

	@Test
	void shouldKeepTheTasklistKeyboardShortcuts() throws IOException {
		String config = text(resource("tasklist/scripts/config.js"));

		assertThat(config)
				.containsPattern("(?m)^\\s*shortcuts:\\s*\\{")
				.contains("claimTask", "focusFilter", "focusList", "focusForm", "startProcess");
	}

	private static void compare(String path, JsonNode english, JsonNode chinese, List<String> problems) {
		if (chinese == null || chinese.isMissingNode() || chinese.isNull()) {
			problems.add(path + ": missing");
		} else if (english.isObject()) {
			english.fieldNames().forEachRemaining(name -> compare(path.isEmpty() ? name : path + "." + name,
					english.get(name), chinese.get(name), problems));
		} else if (english.isArray()) {
			for (int index = 0; index < english.size(); index++) {
				compare(path + "[" + index + "]", english.get(index), chinese.get(index), problems);
			}
		} else if (english.isTextual()) {
			if (!chinese.isTextual() || chinese.asText().isBlank()) {
				problems.add(path + ": empty");
			} else if (!placeholders(english.asText()).equals(placeholders(chinese.asText()))) {
				problems.add(path + ": placeholders " + placeholders(chinese.asText()) + " instead of "
						+ placeholders(english.asText()));
			}
		} else if (!english.equals(chinese)) {
			problems.add(path + ": " + chinese + " instead of " + english);
		}
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		found.sort(null);
		return found;
	}

	private URL resource(String path) {
		URL url = getClass().getClassLoader().getResource(APPS + path);
		assertThat(url).as("%s%s on the classpath", APPS, path).isNotNull();
		return url;
	}

	private JsonNode read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return json.readTree(in);
		}
	}

	private static String text(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
