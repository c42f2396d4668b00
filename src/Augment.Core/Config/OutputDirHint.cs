using System.Text;
using System.Text.Json;

namespace Augment.Core.Config;

/// <summary>
/// The config's <c>output.dir</c> read from its text without parsing the config: where a no-op
/// build looks for the stamp that can spare it the parse (<see cref="Dataset.UpToDateCheck"/>). It
/// reads the plain forms (a block mapping in YAML, any JSON); for anything else it answers the
/// default or null. A wrong answer costs only speed: the stamp found there is trusted only if it
/// names this very config (path and SHA-256), so it was written by a build of the same output.
/// </summary>
public static class OutputDirHint
{
    public const string Default = "out";

    /// <summary>output.dir as written (relative to the config's folder, or absolute); null when unsure.</summary>
    public static string? Read(ReadOnlySpan<byte> config, bool json)
    {
        try
        {
            return json ? FromJson(config) : FromYaml(Encoding.UTF8.GetString(config));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FromJson(ReadOnlySpan<byte> config)
    {
        var reader = new Utf8JsonReader(config, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var depth = reader.CurrentDepth;
        string? parent = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                parent = reader.GetString();
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 2 && parent == "output" && reader.GetString() == "dir")
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }

        return Default;
    }

    private static string? FromYaml(string text)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("output:", StringComparison.Ordinal));
        if (start < 0)
        {
            return Default; // no block key "output" (or one this reading does not see: then a stamp is not found)
        }

        if (Value(lines[start]["output:".Length..]).Length > 0)
        {
            return null; // a flow mapping or an alias on the key's line
        }

        int? indent = null;
        foreach (var line in lines.Skip(start + 1))
        {
            var content = line.TrimEnd('\r');
            if (content.Trim().Length == 0 || content.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var own = content.Length - content.TrimStart(' ').Length;
            if (own == 0)
            {
                break; // the next top-level key: output has no dir
            }

            indent ??= own;
            if (own == indent && content.TrimStart().StartsWith("dir:", StringComparison.Ordinal))
            {
                var value = Value(content.TrimStart()["dir:".Length..]);
                return value.Length == 0 || "[{&*!|>%@`".Contains(value[0]) ? null : Unquote(value);
            }
        }

        return Default;
    }

    // A plain scalar's text: without the comment that may follow it.
    private static string Value(string rest)
    {
        var trimmed = rest.Trim();
        if (trimmed.StartsWith('#'))
        {
            return string.Empty;
        }

        var comment = trimmed.IndexOf(" #", StringComparison.Ordinal);
        return (comment < 0 ? trimmed : trimmed[..comment]).TrimEnd();
    }

    private static string? Unquote(string value)
    {
        if (value[0] is '"' or '\'')
        {
            return value.Length >= 2 && value[^1] == value[0] && !value.Contains('\\') ? value[1..^1] : null;
        }

        return value;
    }
}
