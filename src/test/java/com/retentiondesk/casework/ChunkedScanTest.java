package com.retentiondesk.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;

import com.retentiondesk.casework.ChunkedScan.Result;

/** Chunks of a scan on several workers: every key once, failures redone key by key, totals right. */
class ChunkedScanTest {

	private static final List<Integer> KEYS = IntStream.rangeClosed(1, 1_000).boxed().toList();

	private final Map<Integer, Integer> opened = new ConcurrentHashMap<>();
	private final Set<String> threads = ConcurrentHashMap.newKeySet();

	@Test
	void shouldOpenEveryKeyOnceOnTwoWorkers() {
		CountDownLatch bothRunning = new CountDownLatch(2);

		Result result = scan(2).run("test scan", page(10), chunk -> {
			bothRunning.countDown();
			await(bothRunning); // the first chunk waits until a second one runs beside it
			return open(chunk);
		}, opened::containsKey);

		assertThat(result).isEqualTo(new Result(1_000, 0, 0));
		assertThat(opened).hasSize(1_000).allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
		assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("test-scan-"));
	}

	@Test
	void shouldRedoAFailedChunkKeyByKey() {
		Result result = scan(2).run("test scan", page(100), chunk -> {
			if (chunk.size() > 1 && chunk.contains(250)) {
				throw new IllegalStateException("another node opened 250 first");
			}
			if (chunk.equals(List.of(250))) {
				opened.merge(250, 1, Integer::sum); // it did: the key now has its case
				throw new IllegalStateException("duplicate 250");
			}
			if (chunk.equals(List.of(260))) {
				throw new IllegalStateException("bad row 260");
			}
			return open(chunk);
		}, opened::containsKey);

		assertThat(result).isEqualTo(new Result(998, 1, 1));
		assertThat(opened).hasSize(999).doesNotContainKey(260);
	}

	@Test
	void shouldRunOnOneThreadWhenConfiguredSo() {
		Result result = scan(1).run("single", page(100), this::open, opened::containsKey);

		assertThat(result.opened()).isEqualTo(1_000);
		assertThat(threads).hasSize(1);
	}

	@Test
	void shouldStopOnAnErrorInAChunk() {
		assertThatThrownBy(() -> scan(2).run("broken", page(100), chunk -> {
			throw new OutOfMemoryError("test");
		}, opened::containsKey)).isInstanceOf(OutOfMemoryError.class);
	}

	private Result open(List<Integer> chunk) {
		threads.add(Thread.currentThread().getName());
		chunk.forEach(key -> opened.merge(key, 1, Integer::sum));
		return new Result(chunk.size(), 0, 0);
	}

	private static Function<Integer, List<Integer>> page(int size) {
		return after -> KEYS.stream().filter(key -> after == null || key > after).limit(size).toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).as("a second chunk ran at the same time").isTrue();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** A scan whose "transactions" just run the command (the tests check the chunking, not the engine). */
	private static ChunkedScan scan(int workers) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setCommandExecutorTxRequiresNew(new CommandExecutor() {
			@Override
			public <T> T execute(Command<T> command) {
				return command.execute(null);
			}
		});
		return new ChunkedScan(configuration, workers);
	}
}
