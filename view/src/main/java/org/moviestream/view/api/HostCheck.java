package org.moviestream.view.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Requests whose Host header names a host the view does not serve are refused (403): a page on
 * another site whose name is made to resolve to 127.0.0.1 (DNS rebinding) would otherwise read
 * {@code /api/*} from the user's browser. Served are the loopback names, the address the view
 * listens on, and the names given with {@code --host-name}.
 */
public final class HostCheck {

  private final Set<String> served = new HashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));

  /** The loopback names, {@code bind} unless it is every address, and {@code names}. */
  public HostCheck(String bind, List<String> names) {
    if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
      served.add(bind.contains(":") ? "[" + bind + "]" : bind);
    }
    names.forEach(name -> served.add(name.toLowerCase(Locale.ROOT)));
  }

  public void register(Javalin app) {
    app.before(this::check);
  }

  private void check(Context ctx) {
    String host = ctx.header("Host");
    if (host != null && !served.contains(withoutPort(host).toLowerCase(Locale.ROOT))) {
      ctx.status(403)
          .result(
              "host "
                  + withoutPort(host)
                  + " is not served here: open the view by a loopback address, or start it with"
                  + " --host-name "
                  + withoutPort(host));
      ctx.skipRemainingHandlers();
    }
  }

  /** "example.com:8088" -> "example.com", "[::1]:8088" -> "[::1]". */
  static String withoutPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
  }
}
