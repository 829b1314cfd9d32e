package jp.kennin.document.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentAdded;
import jp.kennin.document.DocumentAuditEvent;
import jp.kennin.document.DocumentChangePolicy;
import jp.kennin.document.DocumentContent;
import jp.kennin.document.DocumentKind;
import jp.kennin.document.DocumentNotScannedException;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;
import jp.kennin.document.DocumentSettings;
import jp.kennin.document.Documents;
import jp.kennin.document.ScanStatus;
import jp.kennin.document.StaffAccess;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.StaffActor;
import jp.kennin.platform.UploadedFileNames;
import jp.kennin.storage.FileStorage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Metadata in {@code uploaded_document}, bytes in {@link FileStorage} (encrypted there).
 * Every query filters by tenant, and the member-side ones by household too.
 */
@Service
@Transactional(readOnly = true)
class JdbcDocuments implements Documents {

	static final String AUDIT_STAFF_VIEW = DocumentAuditEvent.DOCUMENT_VIEWED_BY_STAFF.name();

	static final String AUDIT_UPLOADED = DocumentAuditEvent.DOCUMENT_UPLOADED.name();

	static final String AUDIT_DELETED = DocumentAuditEvent.DOCUMENT_DELETED.name();

	private static final String COLUMNS = "id, tenant_id, owner_key, subject_person_id, slot, original_name, "
			+ "content_type, kind, size_bytes, sha256, width, height, page_count, thumbnail_key, created_at, scan_status";

	private final JdbcClient jdbc;

	private final DocumentBlobs blobs;

	private final TransactionTemplate writeTransaction;

	private final AuditLog audit;

	private final DocumentSettings settings;

	private final UploadProcessor processor;

	private final DocumentProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AntivirusProperties antivirus;

	/**
	 * Looked up at use: the policies (survey) are beans of modules that may themselves
	 * read documents.
	 */
	private final ObjectProvider<DocumentChangePolicy> policies;

	JdbcDocuments(JdbcClient jdbc, FileStorage storage, AuditLog audit, DocumentSettings settings,
			DocumentProperties properties, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, ObjectProvider<DocumentChangePolicy> policies,
			AntivirusProperties antivirus) {
		this.events = events;
		this.antivirus = antivirus;
		this.policies = policies;
		this.jdbc = jdbc;
		this.blobs = new DocumentBlobs(storage);
		this.writeTransaction = new TransactionTemplate(transactions);
		this.audit = audit;
		this.settings = settings;
		this.properties = properties;
		this.processor = new UploadProcessor(properties);
		this.clock = clock;
	}

	/**
	 * Decoding a photo takes about half a second: it runs before the write transaction
	 * (unless the caller has one), so no database connection is held meanwhile.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public StoredDocument store(DocumentOwner owner, Long subjectPersonId, String slot, String originalName,
			byte[] content) {
		if (slot == null || !StoredDocument.SLOT.matcher(slot).matches()) {
			throw new IllegalArgumentException("slot must be an upper-case code");
		}
		if (!mayUpload(owner, subjectPersonId, slot)) {
			throw new DocumentRejectedException(DocumentProblem.UPLOAD_CLOSED);
		}
		return checkAndStore(owner, subjectPersonId, slot, originalName, content,
				id -> new AuditLog.Event(AUDIT_UPLOADED, owner.tenantId(), "MEMBER", owner.key(), null,
						"document:" + id, null, Map.of("slot", slot)));
	}

	/**
	 * The same checks as a member's upload (type, size, file count, cleaning), without
	 * the change policies: the caller (the survey's proxy input) decides when staff may
	 * add a file for the household. Audited as the staff member's.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public StoredDocument storeForStaff(StaffActor actor, DocumentOwner owner, Long subjectPersonId, String slot,
			String originalName, byte[] content) {
		actor.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER);
		if (actor.requireTenant() != owner.tenantId()) {
			throw new org.springframework.security.access.AccessDeniedException("another insurer's household");
		}
		if (slot == null || !StoredDocument.SLOT.matcher(slot).matches()) {
			throw new IllegalArgumentException("slot must be an upper-case code");
		}
		return checkAndStore(owner, subjectPersonId, slot, originalName, content,
				id -> AuditLog.Event.byStaff(DocumentAuditEvent.DOCUMENT_UPLOADED_BY_STAFF, owner.tenantId(), actor,
						"document:" + id, Map.of("owner", owner.key(), "slot", slot)));
	}

	private StoredDocument checkAndStore(DocumentOwner owner, Long subjectPersonId, String slot, String originalName,
			byte[] content, LongFunction<AuditLog.Event> auditEvent) {
		Integer count = jdbc
			.sql("select count(*) from uploaded_document where tenant_id = ? and owner_key = ? "
					+ "and deleted_at is null")
			.params(owner.tenantId(), owner.key())
			.query(Integer.class)
			.single();
		if (count >= properties.maxFilesPerOwner()) {
			throw new DocumentRejectedException(DocumentProblem.TOO_MANY_FILES, properties.maxFilesPerOwner());
		}
		UploadProcessor.Processed p = processor.process(content, settings.maxFileBytes(owner.tenantId()));
		String key = blobs.put(p.bytes());
		String thumbKey;
		try {
			thumbKey = p.thumbnail() == null ? null : blobs.put(p.thumbnail());
		}
		catch (RuntimeException ex) {
			blobs.delete(key);
			throw ex;
		}
		String kept = UploadedFileNames.clean(originalName, "document", 255);
		return writeTransaction.execute(status -> {
			blobs.deleteIfRolledBack(key, thumbKey);
			long id = insert(owner, subjectPersonId, slot, kept, p, key, thumbKey);
			AuditLog.Event event = auditEvent.apply(id);
			Map<String, String> details = new LinkedHashMap<>(event.details());
			details.put("kind", p.kind().name());
			audit.record(new AuditLog.Event(event.type(), event.tenantId(), event.actorKind(), event.actorId(),
					event.actorRole(), event.target(), event.ip(), details));
			StoredDocument stored = find(owner, id).orElseThrow();
			events.publishEvent(new DocumentAdded(owner.tenantId(), owner.kigo(), owner.bango(), id, subjectPersonId,
					slot, stored.createdAt()));
			return stored;
		});
	}

	private long insert(DocumentOwner owner, Long subjectPersonId, String slot, String name,
			UploadProcessor.Processed p, String key, String thumbKey) {
		GeneratedKeyHolder generated = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into uploaded_document (tenant_id, owner_key, subject_person_id, slot, original_name,
				  content_type, kind, size_bytes, sha256, storage_key, thumbnail_key, thumbnail_type, width, height,
				  page_count, created_at, scan_status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(owner.tenantId(), owner.key(), subjectPersonId, slot, name, p.contentType(), p.kind().name(),
					p.bytes().length, sha256(p.bytes()), key, thumbKey, p.thumbnailType(), p.width(), p.height(),
					p.pageCount(), Timestamp.from(clock.instant()),
					(antivirus.enabled() ? ScanStatus.PENDING : ScanStatus.CLEAN).name())
			.update(generated, "id");
		return generated.getKeyAs(Number.class).longValue();
	}

	@Override
	public List<StoredDocument> list(DocumentOwner owner) {
		return jdbc
			.sql("select " + COLUMNS + " from uploaded_document where tenant_id = ? and owner_key = ? "
					+ "and deleted_at is null order by created_at, id")
			.params(owner.tenantId(), owner.key())
			.query(JdbcDocuments::map)
			.list();
	}

	@Override
	public Optional<StoredDocument> find(DocumentOwner owner, long id) {
		return jdbc
			.sql("select " + COLUMNS + " from uploaded_document where tenant_id = ? and owner_key = ? "
					+ "and id = ? and deleted_at is null")
			.params(owner.tenantId(), owner.key(), id)
			.query(JdbcDocuments::map)
			.optional();
	}

	@Override
	public Optional<DocumentContent> openForOwner(DocumentOwner owner, long id) {
		return find(owner, id).flatMap(doc -> content(doc, false));
	}

	@Override
	public Optional<DocumentContent> thumbnailForOwner(DocumentOwner owner, long id) {
		return find(owner, id).flatMap(doc -> content(doc, true));
	}

	@Override
	public List<StoredDocument> listForStaff(long tenantId, String kigo, String bango) {
		return list(new DocumentOwner(tenantId, kigo, bango));
	}

	@Override
	public Map<String, List<StoredDocument>> listForStaff(long tenantId, Collection<DocumentOwner> households) {
		Map<String, List<StoredDocument>> out = new LinkedHashMap<>();
		List<String> keys = households.stream()
			.filter(h -> h.tenantId() == tenantId)
			.map(DocumentOwner::key)
			.distinct()
			.toList();
		if (keys.isEmpty()) {
			return out;
		}
		jdbc.sql("select " + COLUMNS + " from uploaded_document where tenant_id = :tenant and owner_key in (:keys) "
				+ "and deleted_at is null order by created_at, id")
			.param("tenant", tenantId)
			.param("keys", keys)
			.query(JdbcDocuments::map)
			.list()
			.forEach(doc -> out.computeIfAbsent(doc.ownerKey(), k -> new ArrayList<>()).add(doc));
		return out;
	}

	@Override
	@Transactional
	public Optional<DocumentContent> openForStaff(long tenantId, long id, StaffAccess access) {
		return forStaff(tenantId, id).flatMap(doc -> {
			auditStaff(doc, access, "document");
			return content(doc, false);
		});
	}

	@Override
	@Transactional
	public Optional<DocumentContent> thumbnailForStaff(long tenantId, long id, StaffAccess access) {
		return forStaff(tenantId, id).flatMap(doc -> {
			auditStaff(doc, access, "thumbnail");
			return content(doc, true);
		});
	}

	@Override
	public boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot) {
		return policies.orderedStream()
			.filter(p -> p.governs(slot))
			.allMatch(p -> p.mayUpload(owner, subjectPersonId, slot));
	}

	@Override
	public boolean mayDelete(DocumentOwner owner, StoredDocument document) {
		return policies.orderedStream()
			.filter(p -> p.governs(document.slot()))
			.allMatch(p -> p.mayDelete(owner, document));
	}

	@Override
	@Transactional
	public Optional<DocumentContent> openForStaff(StaffActor actor, long id, boolean thumbnail) {
		return staffAccess(actor).flatMap(access -> thumbnail ? thumbnailForStaff(actor.tenantId(), id, access)
				: openForStaff(actor.tenantId(), id, access));
	}

	/**
	 * The document's metadata for the page viewer, under the same rule as
	 * {@link #openForStaff(StaffActor, long, boolean)}, with the audit record written
	 * (its {@code view} and any further details given).
	 */
	@Transactional
	public Optional<StoredDocument> viewForStaff(StaffActor actor, long id, Map<String, String> view) {
		return staffAccess(actor).flatMap(access -> forStaff(actor.tenantId(), id).map(doc -> {
			if (!doc.clean()) {
				throw new DocumentNotScannedException(doc.id(), doc.scanStatus());
			}
			Map<String, String> details = new LinkedHashMap<>(view);
			details.put("owner", doc.ownerKey());
			audit.record(new AuditLog.Event(AUDIT_STAFF_VIEW, doc.tenantId(), "STAFF", access.actorId(), access.role(),
					"document:" + doc.id(), access.ip(), details));
			return doc;
		}));
	}

	/** The stored bytes of a document already authorised and audited. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<byte[]> storedBytes(StoredDocument doc) {
		return content(doc, false).map(DocumentContent::bytes);
	}

	/** Operators see no household's documents; a 404 tells nobody it exists. */
	private static Optional<StaffAccess> staffAccess(StaffActor actor) {
		if (actor.tenantId() == null || !actor.has(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER)) {
			return Optional.empty();
		}
		return Optional.of(new StaffAccess(actor.loginId(), actor.role(), actor.ip()));
	}

	@Override
	@Transactional
	public boolean delete(DocumentOwner owner, long id) {
		Optional<StoredDocument> document = find(owner, id);
		if (document.isPresent() && !mayDelete(owner, document.get())) {
			throw new DocumentRejectedException(DocumentProblem.DELETE_CLOSED, document.get().originalName());
		}
		Optional<Map<String, Object>> keys = jdbc
			.sql("select storage_key, thumbnail_key from uploaded_document "
					+ "where tenant_id = ? and owner_key = ? and id = ? and deleted_at is null")
			.params(owner.tenantId(), owner.key(), id)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (keys.isEmpty()) {
			return false;
		}
		int updated = jdbc
			.sql("update uploaded_document set deleted_at = ? where tenant_id = ? and owner_key = ? "
					+ "and id = ? and deleted_at is null")
			.params(Timestamp.from(clock.instant()), owner.tenantId(), owner.key(), id)
			.update();
		if (updated == 0) {
			return false; // deleted concurrently
		}
		audit.record(new AuditLog.Event(AUDIT_DELETED, owner.tenantId(), "MEMBER", owner.key(), null, "document:" + id,
				null, Map.of()));
		blobs.deleteAfterCommit((String) keys.get().get("storage_key"), (String) keys.get().get("thumbnail_key"));
		return true;
	}

	private Optional<StoredDocument> forStaff(long tenantId, long id) {
		return jdbc
			.sql("select " + COLUMNS + " from uploaded_document where tenant_id = ? and id = ? "
					+ "and deleted_at is null")
			.params(tenantId, id)
			.query(JdbcDocuments::map)
			.optional();
	}

	private void auditStaff(StoredDocument doc, StaffAccess access, String what) {
		audit.record(new AuditLog.Event(AUDIT_STAFF_VIEW, doc.tenantId(), StaffActor.KIND, access.actorId(),
				access.role(), "document:" + doc.id(), access.ip(), Map.of("owner", doc.ownerKey(), "view", what)));
	}

	private Optional<DocumentContent> content(StoredDocument doc, boolean thumbnail) {
		// The one way to a document's bytes: nobody gets a file not known to be clean.
		if (!doc.clean()) {
			throw new DocumentNotScannedException(doc.id(), doc.scanStatus());
		}
		Map<String, Object> row = jdbc
			.sql("select storage_key, thumbnail_key, thumbnail_type from uploaded_document "
					+ "where tenant_id = ? and id = ?")
			.params(doc.tenantId(), doc.id())
			.query()
			.singleRow();
		String key = (String) row.get(thumbnail ? "thumbnail_key" : "storage_key");
		if (key == null) {
			return Optional.empty();
		}
		return blobs.read(key, doc.id())
			.map(bytes -> thumbnail
					? new DocumentContent(doc, bytes, (String) row.get("thumbnail_type"),
							"thumbnail-" + doc.id() + "." + doc.extension())
					: new DocumentContent(doc, bytes, doc.contentType(), doc.downloadName()));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static StoredDocument map(ResultSet rs, int row) throws SQLException {
		long subject = rs.getLong("subject_person_id");
		Long subjectId = rs.wasNull() ? null : subject;
		return new StoredDocument(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("owner_key"), subjectId,
				rs.getString("slot"), rs.getString("original_name"), rs.getString("content_type"),
				DocumentKind.valueOf(rs.getString("kind")), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
				rs.getObject("page_count", Integer.class), rs.getString("thumbnail_key") != null,
				rs.getTimestamp("created_at").toInstant(), ScanStatus.valueOf(rs.getString("scan_status")));
	}

}
