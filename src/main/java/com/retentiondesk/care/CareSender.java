package com.retentiondesk.care;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.retentiondesk.notification.Notifications;
import com.retentiondesk.notification.SmsBatchSender;
import com.retentiondesk.notification.SmsCategory;

/**
 * Sends a batch one team at a time, in chunks: each recipient's SMS has the outbox key
 * {@code care:<batch key>:<customer no>}, so a send that runs again after a crash finds what went out and never
 * sends it twice (notification.SmsBatchSender); each SMS leaves one line in the customer's contact log, naming
 * the kind, the template and the batch.
 */
@Component
class CareSender {

	private static final Logger log = LoggerFactory.getLogger(CareSender.class);

	private final CareBatches batches;
	private final SmsBatchSender sender;
	private final JdbcTemplate jdbc;
	private final CareSettings settings;

	CareSender(CareBatches batches, SmsBatchSender sender, JdbcTemplate jdbc, CareSettings settings) {
		this.batches = batches;
		this.sender = sender;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	static String key(CareBatches.Batch batch, String customerNo) {
		return "care:" + batch.key() + ":" + customerNo;
	}

	static String label(CareBatches.Batch batch) {
		return batch.kind().label() + "短信(模板#" + batch.templateId() + ",批次 " + batch.key() + ")";
	}

	/**
	 * Sends the next chunk ({@code desk.care.chunk-size} messages) of the first team with customers left; answers
	 * how many went out now. One chunk per engine job keeps each job well within the job lock time (5 minutes;
	 * 500 SMS take about 5 s at the SMS centre's 100 per second), so no second node takes a running send over.
	 */
	int sendNextChunk(long batchId) {
		CareBatches.Batch batch = batches.get(batchId);
		String team = batches.nextTeam(batchId).orElse(null);
		if (team == null) {
			return 0;
		}
		String text = jdbc.queryForObject("select body from care_template where id = ?", String.class, batch.templateId());
		String label = label(batch);
		List<CareBatches.Recipient> chunk = batches.nextChunk(batchId, team, settings.chunkSize());
		log.info("care batch {}: sending team {}, {} SMS", batch.key(), team, chunk.size());
		long started = System.nanoTime();
		List<Notifications.SmsRequest> requests = chunk.stream()
				.map(r -> new Notifications.SmsRequest(key(batch, r.customerNo()), SmsCategory.CARE, r.customerNo(), null,
						r.phone(), label, text))
				.toList();
		int sent = sender.send(requests).sentNow();
		batches.done(chunk);
		double seconds = (System.nanoTime() - started) / 1e9;
		log.info("care batch {}: team {} sent {} SMS in {} s ({} per second)", batch.key(), team, sent,
				String.format("%.1f", seconds), String.format("%.0f", seconds > 0 ? sent / seconds : 0));
		return sent;
	}
}
