package cn.jiandu.sharing.domain;

import cn.jiandu.shared.Upload;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.sharing.FolderKind;
import cn.jiandu.sharing.SharedPublishing;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class EverySpacePublishing implements SharedPublishing {

    private final PublishService publish;
    private final SpaceRepository spaces;

    EverySpacePublishing(PublishService publish, SpaceRepository spaces) {
        this.publish = publish;
        this.spaces = spaces;
    }

    @Override
    @Transactional
    public List<Long> publishToEverySpace(JianduPrincipal publisher, FolderKind kind, Upload file) {
        List<Long> spaceIds = spaces.all().stream().map(Space::id).toList();
        if (spaceIds.isEmpty()) {
            return List.of();
        }
        return publish.publish(spaces.caller(publisher), file.filename(), file.size(), file.open(), kind, spaceIds)
                .stream().map(Entry::id).toList();
    }
}
