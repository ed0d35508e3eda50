using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookTerminal;

// Why this file: the lecture half of a notebook is markdown. In a terminal, raw markdown with HTML
// tags is hard to read, so it is rendered simply: headings stand out, bullets become •, emphasis is
// styled (or its markers dropped when there are no colors), links show their address, HTML disappears.

internal sealed partial class TerminalMarkdown(Style style)
{
    // Only real HTML tag names, so that C# generics such as List<int> in the text survive.
    [GeneratedRegex(@"</?(?:br|p|div|span|img|details|summary|b|i|em|strong|code|pre|sub|sup|a|hr|center|font|kbd|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)]*)\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^(\s*)([-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    public string Render(string markdown)
    {
        var text = new StringBuilder();
        var inFence = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                text.Append("    ").Append(style.Dim(line)).Append('\n');
                continue;
            }

            if (Regex.IsMatch(line, @"^\s*(-{3,}|\*{3,}|_{3,})\s*$"))
            {
                text.Append(style.Dim(new string('─', 40))).Append('\n');
                continue;
            }

            var heading = Regex.Match(line, @"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$");
            if (heading.Success)
            {
                var title = Inline(heading.Groups[2].Value, styled: false);
                var level = heading.Groups[1].Length;
                text.Append('\n').Append(style.Heading(title)).Append('\n');
                if (!style.Enabled && level <= 2)
                {
                    text.Append(new string(level == 1 ? '=' : '-', title.Length)).Append('\n');
                }

                continue;
            }

            var item = ListItem().Match(line);
            if (item.Success)
            {
                var marker = char.IsDigit(item.Groups[2].Value[0]) ? item.Groups[2].Value : "•";
                text.Append("  ").Append(item.Groups[1].Value).Append(marker).Append(' ').Append(Inline(item.Groups[3].Value)).Append('\n');
                continue;
            }

            if (line.StartsWith('>'))
            {
                text.Append("  │ ").Append(Inline(line.TrimStart('>', ' '))).Append('\n');
                continue;
            }

            text.Append(Inline(line)).Append('\n');
        }
        // HTML such as <br> may leave runs of empty lines: keep at most one.
        return Regex.Replace(text.ToString(), @"\n{3,}", "\n\n").Trim('\n');
    }

    string Inline(string line, bool styled = true)
    {
        // Inline code is kept as it is (generics, operators); the rest is styled around it.
        var parts = InlineCode().Split(line);
        var result = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                result.Append(style.Enabled && styled ? style.Code(parts[i]) : $"`{parts[i]}`");
                continue;
            }
            var part = HtmlTag().Replace(parts[i], m => m.Value.StartsWith("<br", StringComparison.OrdinalIgnoreCase) ? "\n" : "");
            part = WebUtility.HtmlDecode(part);
            part = Image().Replace(part, m => $"[image: {m.Groups[1].Value}]");
            part = Link().Replace(part, m => m.Groups[2].Value.Length == 0 || m.Groups[2].Value.StartsWith('#')
                ? m.Groups[1].Value
                : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
            part = Strong().Replace(part, m => styled ? style.Bold(m.Groups[2].Value) : m.Groups[2].Value);
            part = Emphasis().Replace(part, m => styled ? style.Italic(m.Groups[2].Value) : m.Groups[2].Value);
            result.Append(part);
        }
        return result.ToString();
    }
}

/// <summary>ANSI styles, or plain text when the output is not a terminal.</summary>
internal sealed class Style(bool enabled)
{
    public bool Enabled => enabled;
    string Wrap(string code, string text) => enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
    public string Bold(string text) => Wrap("1", text);
    public string Italic(string text) => Wrap("3", text);
    public string Dim(string text) => Wrap("2", text);
    public string Code(string text) => Wrap("36", text);
    public string Heading(string text) => Wrap("1;4;36", text);
    public string Red(string text) => Wrap("31", text);
    public string Green(string text) => Wrap("32", text);
    public string Yellow(string text) => Wrap("33", text);
}
