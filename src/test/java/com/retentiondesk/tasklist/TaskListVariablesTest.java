package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The filter columns copied onto tasks stay out of the forms, whose values would land on the copies. */
class TaskListVariablesTest {

	@Test
	void shouldKeepTheFilterColumnsOutOfEveryForm() throws IOException {
		List<Path> forms;
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			forms = files.filter(p -> p.toString().endsWith(".form")).toList();
		}

		assertThat(forms).isNotEmpty();
		for (Path form : forms) {
			String json = Files.readString(form);
			for (String column : TaskListVariables.COLUMNS.keySet()) {
				assertThat(json).as(form + " uses the filter column " + column)
						.doesNotContainPattern("\"key\"\\s*:\\s*\"" + column + "\"");
			}
		}
	}
}
