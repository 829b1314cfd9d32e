package jp.kennin.document.web;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.document.DocumentContent;
import jp.kennin.document.DocumentResponses;
import jp.kennin.document.Documents;
import jp.kennin.document.StaffAccess;
import jp.kennin.platform.TenantScopedPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff of the document's tenant (insurer admin or reviewer) open documents here; each access is audited
 * by {@link Documents#openForStaff}. Operators (no tenant) and other tenants get 404.
 */
@Controller
class StaffDocumentController {

	static final Set<String> ROLES = Set.of("ROLE_TENANT_ADMIN", "ROLE_REVIEWER");

	private final Documents documents;

	StaffDocumentController(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/admin/documents/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id, Authentication authentication,
			HttpServletRequest request) {
		Staff staff = staff(authentication, request);
		return DocumentResponses.attachment(found(documents.openForStaff(staff.tenantId(), id, staff.access())));
	}

	/** A safe inline view of images (re-encoded by Kennin); PDFs and HEIC are downloaded instead. */
	@GetMapping("/admin/documents/{id}/view")
	ResponseEntity<byte[]> view(@PathVariable long id, Authentication authentication, HttpServletRequest request) {
		Staff staff = staff(authentication, request);
		return DocumentResponses.inline(found(documents.openForStaff(staff.tenantId(), id, staff.access())));
	}

	@GetMapping("/admin/documents/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id, Authentication authentication,
			HttpServletRequest request) {
		Staff staff = staff(authentication, request);
		return DocumentResponses.inline(found(documents.thumbnailForStaff(staff.tenantId(), id, staff.access())));
	}

	private record Staff(long tenantId, StaffAccess access) {
	}

	private static Staff staff(Authentication authentication, HttpServletRequest request) {
		if (authentication == null || !(authentication.getPrincipal() instanceof TenantScopedPrincipal principal)
				|| principal.tenantId() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String role = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(ROLES::contains)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new Staff(principal.tenantId(),
				new StaffAccess(authentication.getName(), role.substring("ROLE_".length()), request.getRemoteAddr()));
	}

	private static DocumentContent found(Optional<DocumentContent> content) {
		return content.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
