package bench.baseline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** One query, one small template. */
@Controller
public class BaselineController {

	public record Insurer(long id, String code, String name, String mailFromName, String mailFromAddress) {
	}

	private final JdbcClient jdbc;

	public BaselineController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/baseline")
	public String page(Model model) {
		model.addAttribute("insurer",
				jdbc.sql("select id, code, name, mail_from_name, mail_from_address from tenant where code = :code")
					.param("code", "journey")
					.query(Insurer.class)
					.single());
		return "baseline";
	}

}
