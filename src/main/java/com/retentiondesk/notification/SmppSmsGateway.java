package com.retentiondesk.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS to the operator's SMS centre over SMPP 3.4 with jsmpp: one transceiver link (bind_transceiver with
 * system id, password; enquire_link keep-alive), bound again with back-off (reconnectMin doubling up to
 * reconnectMax) whenever it drops. Each message goes out as UCS-2 (data_coding 0x08), a long one in parts
 * with a concatenation header (esm_class 0x40), each part with a delivery receipt requested; at most
 * {@code window} submits await their answer at once and at most {@code ratePerSecond} parts go out a second.
 * <p>
 * A part the SMS centre refuses as throttled (ESME_RTHROTTLED 0x58) or queue full (ESME_RMSGQFUL 0x14) is
 * submitted again after a back-off; if it stays busy, or on a system error (0x08) or no bound link, the
 * submit fails (nothing went out: the job retries). Any other refusal (an invalid number...) is final:
 * {@link RefusedException}, the message is FAILED with the SMS centre's status. A submit whose answer never comes (the link dropped after the part was written) throws
 * {@link OutcomeUnknownException}: the message may have gone out and is not sent again. Receipts and
 * customers' replies go to {@link SmsEvents}.
 */
class SmppSmsGateway implements SmsGateway, MessageReceiverListener, AutoCloseable {

	static final String NAME = "SMPP";
	static final int ESME_RTHROTTLED = 0x58;
	static final int ESME_RMSGQFUL = 0x14;
	private static final int ESME_RINVCMDID = 0x03;
	private static final int ESME_RSYSERR = 0x08;

	private static final Logger log = LoggerFactory.getLogger(SmppSmsGateway.class);

	private final SmppSettings settings;
	private final SmsEvents events;
	private final Semaphore window;
	private final long nanosPerPart;
	private final Object pace = new Object();
	private long nextPartAt = System.nanoTime();
	private final AtomicInteger reference = new AtomicInteger();
	private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
	private final AtomicLong binds = new AtomicLong();
	private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "smpp-connector");
		thread.setDaemon(true);
		return thread;
	});
	private volatile SMPPSession session;
	private volatile boolean closed;
	private long backoffMillis;

	SmppSmsGateway(SmppSettings settings, SmsEvents events) {
		this.settings = settings;
		this.events = events;
		this.window = new Semaphore(settings.window(), true);
		this.nanosPerPart = TimeUnit.SECONDS.toNanos(1) / settings.ratePerSecond();
		this.backoffMillis = settings.reconnectMin().toMillis();
	}

	/** Binds in the background: the desk starts while the SMS centre is away, and submits wait for the link. */
	void start() {
		connector.execute(this::bind);
	}

	/** Whether the link is bound now. */
	boolean bound() {
		SMPPSession current = session;
		return current != null && current.getSessionState().isBound();
	}

	/** How many times the gateway bound (the first bind and every re-bind after a drop). */
	long binds() {
		return binds.get();
	}

	@Override
	public Submitted submit(String phoneNumber, String text) {
		List<byte[]> parts = SmsText.encode(text, reference.incrementAndGet() & 0xff);
		List<String> ids = new ArrayList<>(parts.size());
		for (int i = 0; i < parts.size(); i++) {
			try {
				ids.add(submitPart(phoneNumber, parts.get(i), parts.size() > 1));
			} catch (NotSubmittedException | RefusedException e) {
				if (ids.isEmpty()) {
					throw e;
				}
				// the first parts went out: sending the whole message again would repeat them
				throw new OutcomeUnknownException("part " + (i + 1) + " of " + parts.size() + " to " + phoneNumber
						+ " not accepted after the first " + ids.size() + " went out: " + e.getMessage(), e);
			}
		}
		return new Submitted(ids, NAME, true);
	}

	private String submitPart(String phoneNumber, byte[] message, boolean concatenated) {
		long backoff = settings.throttleBackoff().toMillis();
		for (int attempt = 0;; attempt++) {
			SMPPSession link = awaitBound();
			acquire();
			try {
				paceParts();
				return link.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
						settings.sourceAddr(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, phoneNumber,
						new ESMClass(concatenated ? SmsText.UDHI : 0), (byte) 0, (byte) 1, null, null,
						new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
						new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, message).getMessageId();
			} catch (NegativeResponseException e) {
				int status = e.getCommandStatus();
				if ((status == ESME_RTHROTTLED || status == ESME_RMSGQFUL) && attempt < settings.throttleRetries()) {
					log.info("SMS centre busy (0x{}), submitting again in {} ms", Integer.toHexString(status), backoff);
					sleep(backoff);
					backoff = Math.min(backoff * 2, 30_000);
					continue;
				}
				String refusal = String.format("SMS centre refused the message (command status 0x%02X)", status);
				if (status == ESME_RTHROTTLED || status == ESME_RMSGQFUL || status == ESME_RSYSERR) {
					throw new NotSubmittedException(refusal, e); // busy or failing now: the job tries again later
				}
				throw new RefusedException(String.format("0x%02X", status), refusal, e);
			} catch (ResponseTimeoutException | InvalidResponseException e) {
				throw new OutcomeUnknownException("no answer from the SMS centre to a submit to " + phoneNumber + ": "
						+ e.getMessage(), e);
			} catch (IOException e) {
				// jsmpp failed to write the PDU (the link is not bound or broke): the SMS centre did not get it
				throw new NotSubmittedException("SMPP link down: " + e.getMessage(), e);
			} catch (PDUException e) {
				throw new NotSubmittedException("not an SMPP message: " + e.getMessage(), e);
			} finally {
				window.release();
			}
		}
	}

	private SMPPSession awaitBound() {
		long deadline = System.nanoTime() + settings.bindWait().toNanos();
		while (true) {
			SMPPSession current = session;
			if (current != null && current.getSessionState().isBound()) {
				return current;
			}
			if (closed || System.nanoTime() > deadline) {
				throw new NotSubmittedException("no bound SMPP link to " + settings.host() + ":" + settings.port()
						+ " within " + settings.bindWait(), null);
			}
			sleep(20);
		}
	}

	private void acquire() {
		try {
			if (!window.tryAcquire(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new NotSubmittedException("the submit window stayed full for " + settings.responseTimeout(), null);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new NotSubmittedException("interrupted", e);
		}
	}

	/** At most ratePerSecond parts a second: each takes the next free slot and waits for it. */
	private void paceParts() {
		long wait;
		synchronized (pace) {
			long now = System.nanoTime();
			long slot = Math.max(now, nextPartAt);
			nextPartAt = slot + nanosPerPart;
			wait = slot - now;
		}
		if (wait > 0) {
			sleep(TimeUnit.NANOSECONDS.toMillis(wait), (int) (wait % 1_000_000));
		}
	}

	private void bind() {
		reconnectScheduled.set(false);
		if (closed || bound()) {
			return;
		}
		SMPPSession candidate = new SMPPSession(this::connect);
		candidate.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
		candidate.setTransactionTimer(settings.responseTimeout().toMillis());
		candidate.setMessageReceiverListener(this);
		candidate.addSessionStateListener(this::stateChanged);
		try {
			candidate.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
					settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
					NumberingPlanIndicator.UNKNOWN, null), settings.responseTimeout().toMillis());
			session = candidate;
			binds.incrementAndGet();
			synchronized (this) {
				backoffMillis = settings.reconnectMin().toMillis();
			}
			log.info("bound to the SMS centre {}:{} as {}", settings.host(), settings.port(), settings.systemId());
			if (!candidate.getSessionState().isBound()) {
				scheduleBind();
			}
		} catch (IOException e) {
			candidate.close();
			log.warn("could not bind to the SMS centre {}:{}: {}", settings.host(), settings.port(), e.getMessage());
			scheduleBind();
		}
	}

	/**
	 * A TCP connection with Nagle's algorithm off: a submit is one small write awaiting an answer, and with
	 * several in flight Nagle held each behind the previous one's delayed ACK (40 ms; 95 messages/s instead
	 * of the link's capacity in SmsBenchmark).
	 */
	private Connection connect(String host, int port) throws IOException {
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.setKeepAlive(true);
			socket.connect(new InetSocketAddress(host, port), (int) settings.responseTimeout().toMillis());
			return new SocketConnection(socket);
		} catch (IOException e) {
			socket.close();
			throw e;
		}
	}

	private void stateChanged(SessionState newState, SessionState oldState, Session source) {
		if (source == session && !newState.isBound() && oldState.isBound()) {
			log.warn("SMPP link to {}:{} is {}; binding again", settings.host(), settings.port(), newState);
			scheduleBind();
		}
	}

	private void scheduleBind() {
		if (closed || !reconnectScheduled.compareAndSet(false, true)) {
			return;
		}
		long delay;
		synchronized (this) {
			delay = backoffMillis;
			backoffMillis = Math.min(backoffMillis * 2, settings.reconnectMax().toMillis());
		}
		connector.schedule(this::bind, delay, TimeUnit.MILLISECONDS);
	}

	@Override
	public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
		if (deliverSm.isSmscDeliveryReceipt()) {
			try {
				DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
				DeliveryReceiptState state = receipt.getFinalStatus();
				if (state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD) {
					return;
				}
				String id = receiptedId(deliverSm, receipt.getId());
				events.receipt(id, state == DeliveryReceiptState.DELIVRD, state == null ? null : state.name(),
						receipt.getError());
			} catch (InvalidDeliveryReceiptException e) {
				log.warn("unreadable delivery receipt from the SMS centre: {}", e.getMessage());
			}
			return;
		}
		events.reply(deliverSm.getSourceAddr(), SmsText.decode(deliverSm.getShortMessage(), deliverSm.getDataCoding(),
				deliverSm.isUdhi()));
	}

	/** The receipted_message_id TLV where the SMS centre sends it (the receipt text's id may be shortened). */
	private static String receiptedId(DeliverSm deliverSm, String textId) {
		OptionalParameter tlv = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
		if (tlv instanceof OptionalParameter.COctetString id && !id.getValueAsString().isBlank()) {
			return id.getValueAsString();
		}
		return textId;
	}

	@Override
	public void onAcceptAlertNotification(AlertNotification alertNotification) {
		// not used: the desk keeps no messages waiting for a phone to come back
	}

	@Override
	public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
		throw new ProcessRequestException("data_sm is not supported", ESME_RINVCMDID);
	}

	@Override
	public void close() {
		closed = true;
		connector.shutdownNow();
		SMPPSession current = session;
		if (current != null) {
			current.unbindAndClose();
		}
	}

	private static void sleep(long millis) {
		sleep(millis, 0);
	}

	private static void sleep(long millis, int nanos) {
		try {
			Thread.sleep(millis, nanos);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new NotSubmittedException("interrupted", e);
		}
	}

	/** Nothing went out: the SMS centre refused the part or never got it. */
	static class NotSubmittedException extends RuntimeException {
		NotSubmittedException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
