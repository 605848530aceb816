using System.Net;

namespace FakeBaseSpace.Web;

/// <summary>Plain, valid HTML pages; every value is encoded.</summary>
internal static class Html
{
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string Page(string title, string body) =>
        $"""
         <!DOCTYPE html>
         <html lang="en">
         <head><meta charset="utf-8"><title>{Encode(title)} · BaseSpace</title></head>
         <body>
         <header><a href="/">BaseSpace</a></header>
         <main>
         {body}
         </main>
         </body>
         </html>
         """;

    public static string Hidden(string name, string? value) =>
        value is null ? "" : $"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""";
}
