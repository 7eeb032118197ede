package vn.ocop.payments.vnpay;

import java.text.NumberFormat;
import java.util.Locale;

/** The small HTML pages of the VNPay flow (the buyer's return page, the local stand-in): escaping and a page shell. */
public final class Html {

    public static final String CONTENT_TYPE = "text/html;charset=utf-8";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final String SHELL = """
            <!DOCTYPE html>
            <html lang="%s">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
            .ok{color:#1b5e20}.failed{color:#b71c1c}a.button{display:inline-block;padding:.5rem 1rem;margin:.25rem 0;\
            border:1px solid #888;border-radius:.25rem;text-decoration:none}code{word-break:break-all}</style>
            </head>
            <body>
            <main>
            %s
            </main>
            </body>
            </html>
            """;

    private Html() {
    }

    /** Text made safe inside HTML elements and quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page; {@code body} is HTML the caller built from escaped text. */
    public static String page(Locale locale, String title, String body) {
        return SHELL.formatted(locale.getLanguage(), escape(title), body);
    }

    /** English when asked for ({@code en}), Vietnamese otherwise. */
    public static Locale locale(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
    }

    /** Whole dong as the buyer reads it: {@code 690.000 ₫} in Vietnamese, {@code 690,000 VND} in English. */
    public static String money(long amountVnd, Locale locale) {
        String digits = NumberFormat.getIntegerInstance(locale).format(amountVnd);
        return Locale.ENGLISH.equals(locale) ? digits + " VND" : digits + " ₫";
    }
}
