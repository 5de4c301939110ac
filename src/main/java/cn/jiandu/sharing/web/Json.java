package cn.jiandu.sharing.web;

import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.DutyPeriod;
import cn.jiandu.sharing.domain.DutyService;
import cn.jiandu.sharing.domain.Entry;
import cn.jiandu.sharing.domain.Folder;
import cn.jiandu.sharing.domain.Listing;
import cn.jiandu.sharing.domain.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The REST records: ids as strings, instants with offset. */
final class Json {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    private Json() {
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atZone(CST).toOffsetDateTime();
    }

    static String str(Long id) {
        return id == null ? null : id.toString();
    }

    record FolderRef(String id, String name, String kind) {
        static FolderRef of(Folder f) {
            return new FolderRef(str(f.id()), f.name(), f.kind());
        }
    }

    record SpaceJson(String id, String name, String roleCode, String rootFolderId, long quotaBytes, long usedBytes,
            List<FolderRef> folders) {
    }

    record EntryJson(String id, String type, String name, long size, String ownerId, OffsetDateTime updatedAt,
            String kind, List<String> allowedActions) {
    }

    record FileJson(String id, String name, long size, String sha256, String ownerId, String folderId,
            String spaceId, int versionNo, String contentType, OffsetDateTime updatedAt) {
        static FileJson of(Entry e) {
            return new FileJson(str(e.id()), e.name(), e.size(), e.sha256(), str(e.ownerId()), str(e.folderId()),
                    str(e.spaceId()), e.versionNo(), e.contentType(), at(e.updatedAt()));
        }
    }

    record FolderJson(String id, String spaceId, String parentId, String name, String kind, String ownerId) {
        static FolderJson of(Folder f) {
            return new FolderJson(str(f.id()), str(f.spaceId()), str(f.parentId()), f.name(), f.kind(), str(f.ownerId()));
        }
    }

    record VersionJson(int versionNo, long size, String sha256, String contentType, String uploadedBy,
            OffsetDateTime createdAt) {
        static VersionJson of(Version v) {
            return new VersionJson(v.versionNo(), v.size(), v.sha256(), v.contentType(), str(v.uploadedBy()),
                    at(v.createdAt()));
        }
    }

    record BinJson(String id, String name, long size, String ownerId, String folderId, String spaceId,
            OffsetDateTime deletedAt, OffsetDateTime purgeAt) {
    }

    record DutyPeriodJson(String id, String code, String type, LocalDate startsOn, LocalDate dueOn) {
        static DutyPeriodJson of(DutyPeriod p) {
            return new DutyPeriodJson(str(p.id()), p.code(), p.type().name(), p.startsOn(), p.dueOn());
        }
    }

    record SubmissionJson(String userId, String displayName, String spaceId, String status,
            OffsetDateTime submittedAt, String orgUnitId) {
        static SubmissionJson of(DutyService.Submission s) {
            return new SubmissionJson(str(s.userId()), s.displayName(), str(s.spaceId()), s.status(),
                    at(s.submittedAt()), str(s.orgUnitId()));
        }
    }

    /** The caller's own state in a period: ON_TIME, LATE or MISSING; overdue when missing past the due date. */
    record OwnDutyJson(String periodId, String code, LocalDate dueOn, String status, OffsetDateTime submittedAt,
            boolean overdue) {
        static OwnDutyJson of(cn.jiandu.sharing.domain.DutyRoster.OwnDuty d) {
            return new OwnDutyJson(str(d.periodId()), d.code(), d.dueOn(), d.status(), at(d.submittedAt()),
                    d.overdue());
        }
    }

    static EntryJson entry(Caller me, long spaceId, Listing.Row r, Folder folderOrNull) {
        List<String> actions = r.isFolder() ? cn.jiandu.sharing.domain.Actions.forFolder(me, folderOrNull)
                : cn.jiandu.sharing.domain.Actions.forFile(me, spaceId, r.ownerId(), previewable(r.kind()));
        return new EntryJson(str(r.id()), r.type(), r.name(), r.size(), str(r.ownerId()), at(r.updatedAt()), r.kind(),
                actions);
    }

    static boolean previewable(String fileKind) {
        return switch (fileKind) {
            case "JPEG", "PNG", "GIF", "WEBP", "PDF", "MP4" -> true;
            default -> false;
        };
    }
}
