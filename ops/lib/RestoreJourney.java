import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The restore check's journey, JDK only. {@code seed BASE PHOTO}: grid1 reports a problem with a photo; prints the
 * problem's number and the photo's SHA-256 as the admin downloads it. {@code check BASE NUMBER SHA256}: the admin
 * signs in, lists problems, finds that number, downloads its photo and compares the SHA-256 (exit 1 on any
 * difference).
 */
public class RestoreJourney {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PASSWORD = System.getenv().getOrDefault("JIANDU_DEMO_PASSWORD", "Jiandu@2026");

    public static void main(String[] args) throws Exception {
        String base = args[1];
        if (args[0].equals("seed")) {
            String grid = token(base, "grid1");
            String unit = find(get(base, "/api/v1/org-units", grid), "\"id\":\"(\\d+)\",[^{}]*\"name\":\"渠道管理班组\"");
            String problem = "{\"title\":\"恢复演练 " + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"description\":\"备份恢复检查用的问题\",\"categoryCode\":\"SERVICE\",\"orgUnitId\":" + unit
                    + ",\"location\":\"廉州营业厅\"}";
            byte[] photo = Files.readAllBytes(Path.of(args[2]));
            String created = submit(base, grid, problem, photo);
            String id = find(created, "\"id\":\"(\\d+)\"");
            String number = find(created, "\"number\":\"([^\"]+)\"");
            String admin = token(base, "admin");
            System.out.println(number + " " + sha256(photoOf(base, admin, id)));
        } else {
            String admin = token(base, "admin");
            String list = get(base, "/api/v1/problems?size=100&q=" + URLEncoder.encode(args[2], StandardCharsets.UTF_8),
                    admin);
            String id = find(list, "\"id\":\"(\\d+)\",\"number\":\"" + Pattern.quote(args[2]) + "\"");
            String sha = sha256(photoOf(base, admin, id));
            System.out.println("login ok; problem list ok (" + args[2] + " is problem " + id + "); photo sha256 " + sha);
            if (!sha.equals(args[3])) {
                System.out.println("PHOTO DIFFERS: expected " + args[3]);
                System.exit(1);
            }
        }
    }

    static byte[] photoOf(String base, String token, String problemId) throws Exception {
        String detail = get(base, "/api/v1/problems/" + problemId, token);
        String url = find(detail, "\"photos\":\\[\\{[^}]*\"url\":\"([^\"]+)\"");
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("photo " + url + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    static String token(String base, String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return find(r.body(), "\"token\":\"([^\"]+)\"");
    }

    static String get(String base, String path, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String submit(String base, String token, String problemJson, byte[] photo) throws Exception {
        String boundary = "jd" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"problem\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + problemJson + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/problems"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("report: HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found /" + regex + "/ in " + text.substring(0, Math.min(400,
                    text.length())));
        }
        return m.group(1);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
