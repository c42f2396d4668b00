using System.Globalization;
using Newtonsoft.Json;

namespace Augment.Core.Config;

/// <summary>
/// Reads augment.json into <see cref="ConfigNode"/>s with Newtonsoft.Json's reader. The reader
/// reports where a token ends; a token's start is found by scanning forward from the end of the
/// previous token past white space, commas and colons, which gives exact columns.
/// </summary>
internal sealed partial class JsonNodeReader
{
    private readonly JsonTextReader _reader;
    private readonly string _filePath;
    private readonly int[] _lineStarts;
    private readonly string _text;
    private int _previousEnd;

    private JsonNodeReader(string text, string filePath)
    {
        _text = text;
        _filePath = filePath;
        _reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public static ConfigNode? Read(string text, string filePath) => new JsonNodeReader(text, filePath).ReadDocument();

    private ConfigNode? ReadDocument()
    {
        try
        {
            if (!Advance())
            {
                return null;
            }

            var root = ReadNode();
            if (_reader.Read())
            {
                throw new ConfigException(ConfigErrorCode.Syntax, _filePath, StartOfCurrent(), "invalid JSON: text after the end of the document");
            }

            return root;
        }
        catch (JsonReaderException e)
        {
            // For these two Newtonsoft reports the position of the character before the offending one.
            var before = e.Message.StartsWith("After parsing a value", StringComparison.Ordinal) ||
                         e.Message.StartsWith("Additional text", StringComparison.Ordinal);
            var mark = new SourceMark(Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition + (before ? 1 : 0)));
            throw new ConfigException(ConfigErrorCode.Syntax, _filePath, mark, $"invalid JSON: {Clean(e.Message)}", e);
        }
    }

    // The reader sits on the node's first token.
    private ConfigNode ReadNode()
    {
        var mark = StartOfCurrent();
        switch (_reader.TokenType)
        {
            case JsonToken.StartObject:
                {
                    var entries = new List<MappingEntry>();
                    while (Advance() && _reader.TokenType == JsonToken.PropertyName)
                    {
                        var key = new ScalarNode(StartOfCurrent(), (string)_reader.Value!, ScalarKind.String);
                        if (entries.Any(e => e.Key.Text == key.Text))
                        {
                            throw new ConfigException(ConfigErrorCode.DuplicateKey, _filePath, key.Mark, $"duplicate key '{key.Text}'");
                        }

                        if (!Advance())
                        {
                            throw Unclosed(mark, "{mapping}");
                        }

                        entries.Add(new MappingEntry(key, ReadNode()));
                    }

                    return _reader.TokenType == JsonToken.EndObject ? new MappingNode(mark, entries) : throw Unclosed(mark, "{mapping}");
                }

            case JsonToken.StartArray:
                {
                    var items = new List<ConfigNode>();
                    while (true)
                    {
                        if (!Advance())
                        {
                            throw Unclosed(mark, "[list]");
                        }

                        if (_reader.TokenType == JsonToken.EndArray)
                        {
                            return new SequenceNode(mark, items);
                        }

                        items.Add(ReadNode());
                    }
                }

            case JsonToken.Integer or JsonToken.Float:
                {
                    // Newtonsoft also reads numbers JSON does not allow (".5", "+5", "NaN"); the raw text decides.
                    var raw = RawToken();
                    return JsonNumber().IsMatch(raw)
                        ? new ScalarNode(mark, raw, ScalarKind.Number)
                        : throw new ConfigException(ConfigErrorCode.Syntax, _filePath, mark, $"invalid JSON: '{raw}' is not a JSON number");
                }
            case JsonToken.Boolean:
                return new ScalarNode(mark, (bool)_reader.Value! ? "true" : "false", ScalarKind.Boolean);
            case JsonToken.Null:
                return new ScalarNode(mark, string.Empty, ScalarKind.Null);
            case JsonToken.String:
                return new ScalarNode(mark, (string)_reader.Value!, ScalarKind.String);
            default:
                throw new ConfigException(ConfigErrorCode.Syntax, _filePath, mark, $"invalid JSON: unexpected {_reader.TokenType}");
        }
    }

    private ConfigException Unclosed(SourceMark mark, string what) =>
        new(ConfigErrorCode.Syntax, _filePath, mark, $"invalid JSON: the {what} that starts here is unterminated");

    // Moves to the next token that is not a comment, remembering where the previous one ended.
    private bool Advance()
    {
        _previousEnd = _reader.LineNumber == 0 ? 0 : OffsetOf(_reader.LineNumber, _reader.LinePosition);
        while (_reader.Read())
        {
            if (_reader.TokenType != JsonToken.Comment)
            {
                return true;
            }

            _previousEnd = OffsetOf(_reader.LineNumber, _reader.LinePosition);
        }

        return false;
    }

    private int StartOffset()
    {
        var at = _previousEnd;
        while (at < _text.Length && (char.IsWhiteSpace(_text[at]) || _text[at] is ',' or ':'))
        {
            at++;
        }

        return at;
    }

    private string RawToken()
    {
        var start = StartOffset();
        var end = OffsetOf(_reader.LineNumber, _reader.LinePosition);
        return end > start ? _text[start..end].Trim() : string.Empty;
    }

    private SourceMark StartOfCurrent()
    {
        var at = StartOffset();
        var line = Array.BinarySearch(_lineStarts, at);
        line = line >= 0 ? line : ~line - 1;
        return new SourceMark(line + 1, at - _lineStarts[line] + 1);
    }

    // Newtonsoft's (line, position) is 1-based with the position at the token's last character.
    private int OffsetOf(int line, int position) =>
        Math.Min(_text.Length, _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)] + position);

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex JsonNumber();

    // Newtonsoft's messages end with "Path 'a', line 1, position 9."; the position is reported separately.
    private static string Clean(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).TrimEnd('.');
    }
}
