package jp.kennin.document.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.SecretKey;

import jp.kennin.storage.FileStorage;

/**
 * Upload benchmark (not a unit test): a realistic 10 MB phone photo (4032×3024, noisy,
 * high quality, EXIF with orientation and GPS) goes through what an upload costs on the
 * server: type detection, header check, decode, orientation, downscale, re-encode,
 * thumbnail, AES-GCM encryption and a write to local disk.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) jp.kennin.document.internal.DocumentBenchmark
 * </pre>
 */
public final class DocumentBenchmark {

	private static final long TEN_MB = 10L * 1024 * 1024;

	private DocumentBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		byte[] photo = phonePhoto();
		System.out.printf(Locale.ROOT, "Photo: 4032x3024 JPEG with EXIF orientation 6 and GPS, %,d bytes%n",
				photo.length);
		System.out.printf(Locale.ROOT, "Machine: %d cores, max heap %d MB, Java %s, %s %s, %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
				LocalDate.now());
		UploadProcessor processor = new UploadProcessor(DocumentProperties.defaults());
		Path dir = Files.createTempDirectory("kennin-bench");
		FileStorage storage = encryptedLocalStorage(dir);
		for (int i = 0; i < 3; i++) {
			upload(processor, storage, photo);
		}

		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long totalNanos = 0;
		long maxPeak = 0;
		long totalAllocated = 0;
		for (int i = 0; i < sequential; i++) {
			System.gc();
			long baseline = heapUsed();
			resetPeaks();
			long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
			long start = System.nanoTime();
			upload(processor, storage, photo);
			long nanos = System.nanoTime() - start;
			long peak = heapPeak() - baseline;
			long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
			totalNanos += nanos;
			maxPeak = Math.max(maxPeak, peak);
			totalAllocated += allocated;
			System.out.printf(Locale.ROOT, "  upload %2d: %5d ms, peak heap above baseline %4d MB, allocated %4d MB%n",
					i + 1, nanos / 1_000_000, peak >> 20, allocated >> 20);
		}
		System.out.printf(Locale.ROOT,
				"Sequential: mean %d ms per upload, max peak heap %d MB, mean allocation %d MB%n",
				totalNanos / sequential / 1_000_000, maxPeak >> 20, totalAllocated / sequential >> 20);

		System.gc();
		long baseline = heapUsed();
		resetPeaks();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		List<Future<?>> jobs = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			jobs.add(pool.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					upload(processor, storage, photo);
				}
				return null;
			}));
		}
		for (Future<?> job : jobs) {
			job.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		System.out.printf(Locale.ROOT,
				"4 concurrent uploaders: %d uploads in %.1f s = %.2f uploads/s, peak heap above baseline %d MB%n",
				4 * perThread, seconds, 4 * perThread / seconds, (heapPeak() - baseline) >> 20);
		try (var files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private static void upload(UploadProcessor processor, FileStorage storage, byte[] photo) throws Exception {
		UploadProcessor.Processed p = processor.process(photo, TEN_MB);
		storage.put(p.bytes());
		storage.put(p.thumbnail());
	}

	/**
	 * Finds noise and quality that make a 4032×3024 JPEG of just under 10 MB, like a
	 * high-end phone photo.
	 */
	static byte[] phonePhoto() {
		var image = TestFiles.photo(4032, 3024, 42, 70);
		float low = 0.80f;
		float high = 1.0f;
		byte[] best = TestFiles.jpeg(image, low);
		for (int i = 0; i < 8; i++) {
			float q = (low + high) / 2;
			byte[] jpeg = TestFiles.jpeg(image, q);
			if (jpeg.length <= TEN_MB - 200_000) {
				best = jpeg;
				low = q;
			}
			else {
				high = q;
			}
		}
		return TestFiles.withExif(best, 6, true);
	}

	/**
	 * The production encryption decorator over local disk (both package-private in the
	 * storage module).
	 */
	private static FileStorage encryptedLocalStorage(Path dir) throws Exception {
		Class<?> local = Class.forName("jp.kennin.storage.internal.LocalFileStorage");
		Constructor<?> localCtor = local.getDeclaredConstructor(Path.class);
		localCtor.setAccessible(true);
		Class<?> encrypting = Class.forName("jp.kennin.storage.internal.EncryptingFileStorage");
		var derive = encrypting.getDeclaredMethod("deriveKey", String.class);
		derive.setAccessible(true);
		SecretKey key = (SecretKey) derive.invoke(null, "benchmark-secret-key-0123456789-abcdef");
		Constructor<?> ctor = encrypting.getDeclaredConstructor(FileStorage.class, SecretKey.class);
		ctor.setAccessible(true);
		return (FileStorage) ctor.newInstance(localCtor.newInstance(dir), key);
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
	}

	private static void resetPeaks() {
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Sum of the pools' peaks: an upper bound of the heap in use at the worst moment. */
	private static long heapPeak() {
		return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
	}

}
