package com.retentiondesk.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMS centre in the test JVM on a free loopback port, on jsmpp's server side: accepts transceiver binds
 * with one system id and password, answers submits with message ids, sends a delivery receipt after each
 * answer that asked for one (DELIVRD, or UNDELIV with an error code for numbers told to fail), and sends
 * customers' replies. It can refuse the next submits as throttled and drop the link at the Nth submit
 * without answering it (the submit was received; its answer is lost).
 */
public class TestSmsc implements ServerMessageReceiverListener, ServerResponseDeliveryListener, AutoCloseable {

	/** A submit_sm as received. */
	public record Submit(String source, String destination, byte esmClass, byte dataCoding, byte registeredDelivery,
			byte[] message, String messageId) {
	}

	public static final String SYSTEM_ID = "desk";
	public static final String PASSWORD = "secret";

	private final int port;
	private final SMPPServerSessionListener listener;
	private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "test-smsc");
		thread.setDaemon(true);
		return thread;
	});
	private final ConcurrentLinkedQueue<Submit> submits = new ConcurrentLinkedQueue<>();
	private final Map<String, Submit> byId = new ConcurrentHashMap<>();
	private final Map<String, String> failingNumbers = new ConcurrentHashMap<>();
	private final AtomicLong ids = new AtomicLong();
	private final AtomicInteger received = new AtomicInteger();
	private final AtomicInteger throttled = new AtomicInteger();
	private final AtomicInteger throttleNext = new AtomicInteger();
	private final AtomicInteger binds = new AtomicInteger();
	private final AtomicLong receiptsSent = new AtomicLong();
	private volatile int dropAtSubmit = -1;
	private volatile int throttleStatus = SmppSmsGateway.ESME_RTHROTTLED;
	private volatile SMPPServerSession current;
	private volatile boolean closed;

	public TestSmsc() {
		try {
			this.port = freePort();
			this.listener = new SMPPServerSessionListener(port, new NoDelayServerSockets());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		listener.setMessageReceiverListener(this);
		listener.setResponseDeliveryListener(this);
		workers.execute(this::acceptLoop);
	}

	public int port() {
		return port;
	}

	private void acceptLoop() {
		while (!closed) {
			try {
				SMPPServerSession session = listener.accept();
				workers.execute(() -> bind(session));
			} catch (IOException e) {
				if (!closed) {
					sleep(10);
				}
			}
		}
	}

	private void bind(SMPPServerSession session) {
		try {
			BindRequest request = session.waitForBind(5000);
			if (!SYSTEM_ID.equals(request.getSystemId()) || !PASSWORD.equals(request.getPassword())) {
				request.reject(0x0E); // ESME_RINVPASWD
				return;
			}
			request.accept("test-smsc", InterfaceVersion.IF_34);
			current = session;
			binds.incrementAndGet();
		} catch (Exception e) {
			session.close();
		}
	}

	@Override
	public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
		if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			throttled.incrementAndGet();
			throw new ProcessRequestException("refused", throttleStatus);
		}
		int n = received.incrementAndGet();
		String id = "M" + ids.incrementAndGet();
		Submit submit = new Submit(submitSm.getSourceAddr(), submitSm.getDestAddress(), submitSm.getEsmClass(),
				submitSm.getDataCoding(), submitSm.getRegisteredDelivery(), submitSm.getShortMessage(), id);
		submits.add(submit);
		byId.put(id, submit);
		if (n == dropAtSubmit) {
			// the link breaks before the answer goes out: the desk cannot know the message went
			source.close();
			throw new ProcessRequestException("link dropped", 0x08);
		}
		try {
			return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
		} catch (org.jsmpp.PDUStringException e) {
			throw new ProcessRequestException(e.getMessage(), 0x08);
		}
	}

	@Override
	public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
		Submit submit = byId.get(result.getMessageId());
		if (submit == null || (submit.registeredDelivery() & 0x03) == 0) {
			return;
		}
		workers.execute(() -> sendReceipt(submit, source));
	}

	private void sendReceipt(Submit submit, SMPPServerSession source) {
		String error = failingNumbers.get(submit.destination());
		DeliveryReceipt receipt = new DeliveryReceipt(submit.messageId(), 1, error == null ? 1 : 0, new Date(),
				new Date(), error == null ? DeliveryReceiptState.DELIVRD : DeliveryReceiptState.UNDELIV,
				error == null ? "000" : error, "");
		for (int attempt = 0; attempt < 200 && !closed; attempt++) {
			SMPPServerSession session = source.getSessionState().isBound() ? source : current;
			if (session != null && session.getSessionState().isBound()) {
				try {
					session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
							submit.destination(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.source(),
							new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
							(byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
							receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
					receiptsSent.incrementAndGet();
					return;
				} catch (Exception e) {
					// the link dropped meanwhile: the SMS centre keeps the receipt for the next bind
				}
			}
			sleep(25);
		}
	}

	/** A customer's reply, as UCS-2, to the desk's source address. */
	public void reply(String fromNumber, String text, String toAddress) throws Exception {
		SMPPServerSession session = current;
		session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, fromNumber,
				TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, toAddress, new ESMClass(), (byte) 0, (byte) 0,
				new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_UCS2),
				text.getBytes(StandardCharsets.UTF_16BE));
	}

	/** Receipts for this number say UNDELIV with this error code. */
	public void failDeliveriesTo(String number, String errorCode) {
		failingNumbers.put(number, errorCode);
	}

	/** Refuse the next {@code count} submits with this command status (0x58 throttled, 0x14 queue full...). */
	public void refuseNext(int count, int status) {
		throttleStatus = status;
		throttleNext.set(count);
	}

	/** Drop the link, unanswered, at the {@code n}th submit received from now on. */
	public void dropLinkAtSubmit(int n) {
		dropAtSubmit = received.get() + n;
	}

	public List<Submit> submits() {
		return List.copyOf(submits);
	}

	public List<Submit> submitsTo(String number) {
		return submits.stream().filter(s -> s.destination().equals(number)).toList();
	}

	public int received() {
		return received.get();
	}

	/** Submits refused so far ({@link #refuseNext}). */
	public int refused() {
		return throttled.get();
	}

	public int binds() {
		return binds.get();
	}

	public long receiptsSent() {
		return receiptsSent.get();
	}

	@Override
	public void close() {
		closed = true;
		try {
			listener.close();
		} catch (IOException e) {
			// closing anyway
		}
		SMPPServerSession session = current;
		if (session != null) {
			session.close();
		}
		workers.shutdownNow();
	}

	/** Loopback only, and Nagle's algorithm off as an SMS centre would have it (receipts go out at once). */
	private static final class NoDelayServerSockets implements ServerConnectionFactory {
		@Override
		public ServerConnection listen(int port) throws IOException {
			return listen(port, 0, 50);
		}

		@Override
		public ServerConnection listen(int port, int timeout) throws IOException {
			return listen(port, timeout, 50);
		}

		@Override
		public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
			ServerSocket server = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
			server.setSoTimeout(timeout);
			return new ServerConnection() {
				@Override
				public Connection accept() throws IOException {
					Socket socket = server.accept();
					socket.setTcpNoDelay(true);
					return new SocketConnection(socket);
				}

				@Override
				public void setSoTimeout(int timeout) throws IOException {
					server.setSoTimeout(timeout);
				}

				@Override
				public int getSoTimeout() throws IOException {
					return server.getSoTimeout();
				}

				@Override
				public void close() throws IOException {
					server.close();
				}
			};
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
	}

	@Override
	public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
	}

	@Override
	public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession source) {
	}

	@Override
	public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
			throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}

	@Override
	public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}

	@Override
	public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}

	@Override
	public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}

	@Override
	public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
			throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}

	@Override
	public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
			throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}

	@Override
	public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
			SMPPServerSession source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}

	@Override
	public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", 0x03);
	}
}
