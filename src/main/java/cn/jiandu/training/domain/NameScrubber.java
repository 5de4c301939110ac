package cn.jiandu.training.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes personal names from a text: every name given (the people of the report and everyone in the user
 * directory), longest first, then names the directory cannot know, written the way reports write them (a common
 * surname with a title, 张经理; 老王, 小李), and mobile numbers.
 */
final class NameScrubber {

    static final String PERSON = "某同志";

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡"
            + "余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万覃武钱戴严莫孔向常汤";
    private static final Pattern TITLED = Pattern.compile(
            "[" + SURNAMES + "](?:[\\p{IsHan}]{0,2}?)(经理|主任|书记|师傅|部长|科长|组长|班长|站长|局长|所长|老师|先生|女士|同志|总)");
    /** 老王, 小李: only the most common surnames, none that starts a word after 老/小 (小金库, 老方法, 小高峰). */
    private static final Pattern FAMILIAR = Pattern.compile("[老小][王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾"
            + "萧田董袁潘蒋蔡]");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private final List<String> names;

    NameScrubber(Collection<String> names) {
        this.names = names.stream().filter(n -> n != null && n.strip().length() >= 2).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String n : names) {
            t = t.replace(n, PERSON);
        }
        t = TITLED.matcher(t).replaceAll(m -> "某" + m.group(1));
        t = FAMILIAR.matcher(t).replaceAll(PERSON);
        return MOBILE.matcher(t).replaceAll("***");
    }
}
