package jp.kennin.bench.journey;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The deadline rush (issue 17): each virtual member logs in, opens the home page and the
 * survey, answers every question page for both dependents (each answer a save), uploads a
 * 3 MB phone photo, completes both sections, checks, submits and logs out, with 3–8 s of
 * think time between pages. Redirects are not followed automatically: each request is one
 * round trip under its own name, as a browser makes them, so the percentiles are per page.
 * <p>
 * Run against {@link JourneyServer} (docs/benchmarks.md). System properties:
 * {@code journey.users} (200), {@code journey.ramp} seconds (60), {@code journey.minPause}
 * / {@code journey.maxPause} seconds (3 / 8), {@code journey.skip} members (0).
 */
public class DeadlineRushSimulation extends Simulation {

	static final Path DIR = Path.of(System.getProperty("journey.dir", "target/journey")).toAbsolutePath();

	static final Path PHOTO = DIR.resolve("photo.jpg");

	static {
		// Before the scenario is built: Gatling resolves the file part's path then.
		try {
			writePhoto(PHOTO, 3_000_000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static final int USERS = Integer.getInteger("journey.users", 200);

	static final Duration RAMP = Duration.ofSeconds(Integer.getInteger("journey.ramp", 60));

	static final Duration MIN_PAUSE = Duration.ofSeconds(Integer.getInteger("journey.minPause", 3));

	static final Duration MAX_PAUSE = Duration.ofSeconds(Integer.getInteger("journey.maxPause", 8));

	/**
	 * Members of {@code members.csv} left out from the top: a warm-up run takes the first
	 * ones, so the measured run must start after them (each member submits once).
	 */
	static final int SKIP = Integer.getInteger("journey.skip", 0);

	/** The question pages in order, with the answer each member gives. */
	static final List<Map.Entry<String, Map<String, Object>>> STEPS = List.of(
			Map.entry("continuation", Map.of("continuation", "CONTINUE")), Map.entry("living", Map.of("living", "TOGETHER")),
			Map.entry("occupation", Map.of("occupations", "PART_TIME")),
			Map.entry("income", Map.of("incomeSalary", "800000")), Map.entry("residence", Map.of("residence", "DOMESTIC")),
			Map.entry("disability", Map.of("disabled", "no")));

	static FeederBuilder<Object> members() {
		List<Map<String, Object>> all = csv(DIR.resolve("members.csv").toString()).readRecords();
		if (SKIP + USERS > all.size()) {
			throw new IllegalStateException("members.csv holds " + all.size() + " members, " + SKIP + " skipped and "
					+ USERS + " users need more: start JourneyServer with -Djourney.members=" + (SKIP + USERS));
		}
		return listFeeder(all.subList(SKIP, all.size())).queue();
	}

	static String baseUrl() {
		String url = System.getProperty("journey.baseUrl");
		if (url != null) {
			return url;
		}
		try {
			return Files.readString(DIR.resolve("server.url"), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Start JourneyServer first (docs/benchmarks.md)", ex);
		}
	}

	HttpProtocolBuilder protocol = http.baseUrl(baseUrl())
		.disableFollowRedirect()
		.disableUrlEncoding()
		.acceptHeader("text/html,application/xhtml+xml")
		.acceptLanguageHeader("ja")
		.userAgentHeader("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Gatling");

	/** A think time, then a GET of the page a redirect named. */
	static ChainBuilder follow(String name) {
		return exec(http(name).get("#{location}").check(status().is(200)));
	}

	static ChainBuilder think() {
		return pause(MIN_PAUSE, MAX_PAUSE);
	}

	ChainBuilder login = exec(http("login page").get("/login")
		.check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
		.exec(think())
		.exec(http("login").post("/login")
			.formParam("userId", "#{userId}")
			.formParam("password", "#{password}")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(302), header("Location").saveAs("location"), header("Location").not("/login?error")))
		.exec(follow("home"));

	ChainBuilder openSurvey = exec(think()).exec(http("survey list").get("/survey")
		.check(status().is(302), header("Location").saveAs("location"),
				header("Location").transform(l -> l.replaceAll(".*/survey/(\\d+).*", "$1")).saveAs("formId")))
		.exec(http("task list").get("/survey/#{formId}")
			.check(status().is(200), regex("/survey/\\d+/d/(\\d+)").findAll().saveAs("dependentLinks")))
		.exec(session -> session.set("dependents", new ArrayList<>(new LinkedHashSet<>(session.getList("dependentLinks")))));

	ChainBuilder answerDependent = exec(session -> session.set("step", 0))
		.exec(think())
		.exec(http("question page").get("/survey/#{formId}/d/#{dependentId}/continuation")
			.check(status().is(200), css("input[name=version]", "value").saveAs("version"),
					css("input[name=_csrf]", "value").saveAs("csrf")))
		.foreach(STEPS, "step")
		.on(exec(session -> session.set("slug", step(session).getKey())).exec(think())
			.exec(http("save").post("/survey/#{formId}/d/#{dependentId}/#{slug}")
			.formParamMap(session -> answer(session))
			.check(status().is(302), header("Location").saveAs("location")))
			// The next question, or after the last one the section page with its upload slots.
			.exec(http("next page").get("#{location}")
				.check(status().is(200), css("input[name=version]", "value").saveAs("version"),
						css("input[name=_csrf]", "value").saveAs("csrf"),
						css("form.document-upload", "action").optional().saveAs("uploadAction"))));

	ChainBuilder upload = exec(think()).exec(http("upload").post("#{uploadAction}")
		.bodyPart(RawFileBodyPart("file", PHOTO.toString()).fileName("IMG_0412.JPG").contentType("image/jpeg"))
		.asMultipartForm()
		.check(status().is(302), header("Location").saveAs("location")))
		.exec(http("section page").get("#{location}")
			.check(status().is(200), css("input[name=version]", "value").saveAs("version"),
					css("input[name=_csrf]", "value").saveAs("csrf")));

	ChainBuilder complete = exec(think()).exec(http("complete section")
		.post("/survey/#{formId}/d/#{dependentId}/complete")
		.formParam("completed", "yes")
		.formParam("version", "#{version}")
		.formParam("_csrf", "#{csrf}")
		.check(status().is(302), header("Location").saveAs("location")))
		.exec(follow("task list"));

	ChainBuilder submit = exec(think())
		.exec(http("check page").get("/survey/#{formId}/check")
			.check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf"),
					css("input[name=required]", "value").findAll().optional().saveAs("required")))
		.exec(think())
		.exec(http("submit").post("/survey/#{formId}/submit")
			.formParam("_csrf", "#{csrf}")
			.multivaluedFormParam("required", DeadlineRushSimulation::required)
			.formParamMap(DeadlineRushSimulation::byPost)
			.check(status().is(302), header("Location").saveAs("location"),
					header("Location").transform(l -> l.endsWith("/receipt")).is(true)))
		.exec(follow("receipt"))
		.exec(think())
		.exec(http("logout").post("/logout").formParam("_csrf", "#{csrf}").check(status().is(302)));

	ScenarioBuilder rush = scenario("deadline rush").feed(members())
		.exec(login)
		.exec(openSurvey)
		.foreach("#{dependents}", "dependentId", "dependentIndex")
		.on(exec(answerDependent).doIf(session -> session.getInt("dependentIndex") == 0 && session.contains("uploadAction"))
			.then(upload)
			.exec(complete))
		.exec(submit);

	{
		List<Assertion> assertions = new ArrayList<>();
		assertions.add(global().failedRequests().count().is(0L));
		// A request that never ran (its file missing, say) is no failure to Gatling: count them.
		assertions.add(details("upload").successfulRequests().count().is((long) USERS));
		assertions.add(details("submit").successfulRequests().count().is((long) USERS));
		assertions.add(details("upload").responseTime().percentile(95.0).lte(2000));
		for (String page : PAGES) {
			assertions.add(details(page).responseTime().percentile(95.0).lte(300));
		}
		setUp(rush.injectOpen(rampUsers(USERS).during(RAMP))).protocols(protocol).assertions(assertions);
	}

	/** Every request but the upload: its p95 must stay within 300 ms. */
	static final List<String> PAGES = List.of("login page", "login", "home", "survey list", "task list",
			"question page", "save", "next page", "section page", "complete section", "check page", "submit",
			"receipt", "logout");

	@SuppressWarnings("unchecked")
	static Map.Entry<String, Map<String, Object>> step(Session session) {
		return (Map.Entry<String, Map<String, Object>>) session.get("step");
	}

	static Map<String, Object> answer(Session session) {
		Map<String, Object> params = new HashMap<>(step(session).getValue());
		params.put("version", session.getString("version"));
		params.put("_csrf", session.getString("csrf"));
		return params;
	}

	static List<Object> required(Session session) {
		return session.contains("required") ? session.getList("required") : List.of();
	}

	/** Every document still missing is promised by post (「郵送で提出する」). */
	static Map<String, Object> byPost(Session session) {
		Map<String, Object> params = new HashMap<>();
		for (Object slot : required(session)) {
			params.put("choice-" + slot, "MAIL");
		}
		return params;
	}

	/**
	 * A 4032 × 3024 JPEG of about {@code bytes} (a phone photo's size): a gradient with
	 * noise, so it compresses like a photo, re-encoded at lower quality until it fits.
	 */
	static void writePhoto(Path file, long bytes) throws IOException {
		if (Files.isRegularFile(file) && Math.abs(Files.size(file) - bytes) < bytes / 5) {
			return;
		}
		Files.createDirectories(file.getParent());
		BufferedImage image = new BufferedImage(4032, 3024, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(230, 220, 200), 4032, 3024, new Color(120, 110, 90)));
		g.fillRect(0, 0, 4032, 3024);
		g.dispose();
		Random random = new Random(17);
		for (int y = 0; y < 3024; y++) {
			for (int x = 0; x < 4032; x++) {
				int rgb = image.getRGB(x, y);
				int n = random.nextInt(48) - 24;
				int r = clamp(((rgb >> 16) & 0xff) + n);
				int gr = clamp(((rgb >> 8) & 0xff) + n);
				int b = clamp((rgb & 0xff) + n);
				image.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
		for (float quality = 0.98f; quality > 0.2f; quality -= 0.04f) {
			write(image, file, quality);
			if (Files.size(file) <= bytes * 1.1) {
				return;
			}
		}
	}

	private static void write(BufferedImage image, Path file, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(quality);
		try (OutputStream out = Files.newOutputStream(file); ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

}
