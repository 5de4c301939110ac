package cn.jiandu.training.domain;

import java.util.List;

/** The {@code case} part: {@code {"title","background","finding","handling","effect","problemIds"?}}. */
public record CaseCommand(String title, String background, String finding, String handling, String effect,
        List<Long> problemIds) {
}
