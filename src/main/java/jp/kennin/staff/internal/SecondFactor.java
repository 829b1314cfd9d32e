package jp.kennin.staff.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.staff.StaffAuditEvent;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * The second step of the staff login (TOTP, or a recovery code) and the enrolment at the
 * first login. Wrong codes count towards the same lock as wrong passwords. Only after
 * this step does the session hold the staff roles, under a new session ID.
 */
@Service
public class SecondFactor {

	/** The password step must be followed by the code within this time. */
	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	static final String PENDING_SINCE = "kennin.staff.pendingSince";

	private static final String ISSUER = "Kennin";

	public enum Outcome {

		OK, WRONG_CODE, START_AGAIN

	}

	public record Result(Outcome outcome, List<String> recoveryCodes) {
	}

	private final LoginGuard guard;

	private final StaffCredentials credentials;

	private final StaffAudit audit;

	private final Clock clock;

	private final HttpSessionSecurityContextRepository contexts = StaffSecurityConfiguration.contextRepository();

	SecondFactor(LoginGuard guard, StaffCredentials credentials, StaffAudit audit, Clock clock) {
		this.guard = guard;
		this.credentials = credentials;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the half-logged-in staff member still has to enrol an authenticator. */
	public boolean needsEnrolment(Authentication pending) {
		return !principal(pending).totpEnrolled();
	}

	public String loginId(Authentication pending) {
		return principal(pending).getUsername();
	}

	public String newSecret() {
		return Totp.newSecret();
	}

	/**
	 * The otpauth URI of the secret as a PNG QR code in a data URI (allowed by the CSP's
	 * img-src).
	 */
	public String qrCode(Authentication pending, String secret) {
		try {
			var matrix = new QRCodeWriter().encode(Totp.otpauthUri(ISSUER, loginId(pending), secret),
					BarcodeFormat.QR_CODE, 240, 240);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Result enrol(Authentication pending, String secret, String code, HttpServletRequest request,
			HttpServletResponse response) {
		StaffPrincipal p = principal(pending);
		if (expired(request) || p.totpEnrolled() || secret == null || guard.accountBlocked(p.id())) {
			return new Result(Outcome.START_AGAIN, List.of());
		}
		OptionalLong step = Totp.verify(secret, code, clock.instant(), null);
		if (step.isEmpty()) {
			return failed(p, request);
		}
		List<String> codes = credentials.enrol(p.id(), secret, step.getAsLong());
		audit.self(StaffAuditEvent.STAFF_TOTP_ENROLLED, p, request.getRemoteAddr(), Map.of());
		complete(p, request, response);
		return new Result(Outcome.OK, codes);
	}

	public Result verify(Authentication pending, String code, HttpServletRequest request,
			HttpServletResponse response) {
		StaffPrincipal p = principal(pending);
		if (expired(request) || !p.totpEnrolled() || guard.accountBlocked(p.id())) {
			return new Result(Outcome.START_AGAIN, List.of());
		}
		var state = credentials.totp(p.id()).orElse(null);
		if (state == null) {
			return new Result(Outcome.START_AGAIN, List.of());
		}
		OptionalLong step = Totp.verify(state.secret(), code, clock.instant(), state.lastStep());
		boolean ok = step.isPresent() ? credentials.useStep(p.id(), step.getAsLong())
				: credentials.useRecoveryCode(p.id(), code);
		if (!ok) {
			return failed(p, request);
		}
		complete(p, request, response);
		return new Result(Outcome.OK, List.of());
	}

	private Result failed(StaffPrincipal p, HttpServletRequest request) {
		guard.accountFailed(p.id());
		guard.ipFailed(request.getRemoteAddr());
		audit.loginFailedNow(p, request.getRemoteAddr(), "bad-code");
		return new Result(guard.accountBlocked(p.id()) ? Outcome.START_AGAIN : Outcome.WRONG_CODE, List.of());
	}

	private void complete(StaffPrincipal p, HttpServletRequest request, HttpServletResponse response) {
		guard.succeeded(p.id());
		request.changeSessionId();
		request.getSession().removeAttribute(PENDING_SINCE);
		StaffSessionFilter.started(request.getSession(), clock.instant());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		audit.self(StaffAuditEvent.STAFF_LOGIN_SUCCEEDED, p, request.getRemoteAddr(), Map.of());
	}

	/**
	 * Ends the half-finished login, so the next attempt starts with the password again.
	 */
	public void abandon(HttpServletRequest request, HttpServletResponse response) {
		var empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.setContext(empty);
		contexts.saveContext(empty, request, response);
		if (request.getSession(false) != null) {
			request.getSession().invalidate();
		}
	}

	private boolean expired(HttpServletRequest request) {
		Object since = request.getSession().getAttribute(PENDING_SINCE);
		return !(since instanceof Instant started) || clock.instant().isAfter(started.plus(PENDING_FOR));
	}

	private static StaffPrincipal principal(Authentication auth) {
		if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
			return p;
		}
		throw new IllegalStateException("no staff login in progress");
	}

}
