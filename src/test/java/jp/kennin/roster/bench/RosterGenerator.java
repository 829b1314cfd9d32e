package jp.kennin.roster.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a realistic roster CSV: {@code insured} insured persons (本人) and exactly
 * {@code dependents} dependents spread over their households (spouses, children, some
 * parents), Japanese names with kana, 30 offices, a deterministic seed.
 * {@code java ... RosterGenerator FILE [insured] [dependents]}.
 */
public final class RosterGenerator {

	private static final String[][] SURNAMES = { { "佐藤", "サトウ" }, { "鈴木", "スズキ" }, { "高橋", "タカハシ" }, { "田中", "タナカ" },
			{ "伊藤", "イトウ" }, { "渡辺", "ワタナベ" }, { "山本", "ヤマモト" }, { "中村", "ナカムラ" }, { "小林", "コバヤシ" }, { "加藤", "カトウ" },
			{ "吉田", "ヨシダ" }, { "山田", "ヤマダ" }, { "佐々木", "ササキ" }, { "山口", "ヤマグチ" }, { "松本", "マツモト" }, { "井上", "イノウエ" },
			{ "木村", "キムラ" }, { "林", "ハヤシ" }, { "清水", "シミズ" }, { "髙橋", "タカハシ" } };

	private static final String[][] MALE = { { "太郎", "タロウ" }, { "健一", "ケンイチ" }, { "翔太", "ショウタ" }, { "大輔", "ダイスケ" },
			{ "誠", "マコト" }, { "浩二", "コウジ" }, { "亮", "リョウ" }, { "蓮", "レン" } };

	private static final String[][] FEMALE = { { "花子", "ハナコ" }, { "陽子", "ヨウコ" }, { "美香", "ミカ" }, { "さくら", "サクラ" },
			{ "明美", "アケミ" }, { "彩", "アヤ" }, { "結衣", "ユイ" }, { "陽菜", "ヒナ" } };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private RosterGenerator() {
	}

	public static void main(String[] args) throws IOException {
		int insured = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int dependents = args.length > 2 ? Integer.parseInt(args[2]) : 150_000;
		write(Path.of(args[0]), insured, dependents);
	}

	public static void write(Path file, int insured, int dependents) throws IOException {
		Random random = new Random(20260401L);
		Files.createDirectories(file.toAbsolutePath().getParent());
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("記号,番号,枝番,本人家族区分,続柄,氏名,氏名カナ,生年月日,性別,メールアドレス,事業所コード,事業所名,同居区分,資格取得日\r\n");
			int left = dependents;
			for (int i = 0; i < insured; i++) {
				String kigo = String.format("%02d", 1 + i % 30);
				String bango = Integer.toString(100_000 + i);
				String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
				boolean male = random.nextInt(3) > 0;
				LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
				String office = kigo;
				line(out, kigo, bango, "00", "本人", "本人", surname, male ? pick(MALE, random) : pick(FEMALE, random),
						birth, male, "m" + bango + "@example.jp", office, "");
				// Spread the dependents evenly: every household gets its share, the
				// remainder goes first.
				int here = left / (insured - i) + ((i < left % (insured - i)) ? 1 : 0);
				here = Math.min(here, 9);
				for (int d = 1; d <= here; d++) {
					String relationship;
					boolean dm;
					LocalDate db;
					if (d == 1) {
						relationship = male ? "妻" : "夫";
						dm = !male;
						db = birth.plusDays(random.nextInt(2000) - 1000);
					}
					else if (d <= 4) {
						dm = random.nextBoolean();
						relationship = d == 2 ? (dm ? "長男" : "長女") : d == 3 ? (dm ? "次男" : "次女") : "子";
						db = birth.plusYears(25 + d).plusDays(random.nextInt(365));
						if (db.isAfter(LocalDate.of(2025, 3, 31))) {
							db = LocalDate.of(2008, 4, 2).plusDays(random.nextInt(6000));
						}
					}
					else {
						dm = d % 2 == 1;
						relationship = dm ? "父" : "母";
						db = birth.minusYears(28).plusDays(random.nextInt(365));
					}
					line(out, kigo, bango, String.format("%02d", d), "家族", relationship, surname,
							dm ? pick(MALE, random) : pick(FEMALE, random), db, dm, "", office,
							random.nextInt(10) < 8 ? "同居" : "別居");
				}
				left -= here;
			}
		}
	}

	private static String[] pick(String[][] names, Random random) {
		return names[random.nextInt(names.length)];
	}

	private static void line(BufferedWriter out, String kigo, String bango, String edaban, String kubun,
			String relationship, String[] surname, String[] given, LocalDate birth, boolean male, String email,
			String office, String living) throws IOException {
		LocalDate qualified = birth.plusYears(20).isAfter(LocalDate.of(2025, 4, 1)) ? birth : birth.plusYears(20);
		out.write(String.join(",", kigo, bango, edaban, kubun, relationship, surname[0] + " " + given[0],
				surname[1] + " " + given[1], DATE.format(birth), male ? "男" : "女", email, office, "第" + office + "事業所",
				living, DATE.format(qualified)));
		out.write("\r\n");
	}

}
