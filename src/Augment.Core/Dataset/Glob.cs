using System.IO.Enumeration;
using System.Text;
using System.Text.RegularExpressions;

namespace Augment.Core.Dataset;

/// <summary>
/// A file glob relative to the config's folder, with forward slashes: <c>*</c> and <c>?</c> within a
/// path segment, <c>**</c> for any number of folders, <c>[abc]</c> character sets. Matching is
/// case-sensitive, as the file systems datasets live on are.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern.Replace('\\', '/');
        if (Pattern.StartsWith('/') || Pattern.Split('/').Contains(".."))
        {
            throw new ArgumentException($"the glob '{pattern}' must stay inside the config's folder (no leading '/', no '..')");
        }

        var wildcard = Pattern.IndexOfAny(['*', '?', '[']);
        var cut = wildcard < 0 ? Pattern.LastIndexOf('/') : Pattern.LastIndexOf('/', Math.Max(0, wildcard));
        BaseDirectory = cut < 0 ? string.Empty : Pattern[..cut];
        _regex = new Regex("^" + Translate(Pattern) + "$", RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    /// <summary>The literal folders before the first wildcard: where enumeration starts, and what {dir} is relative to.</summary>
    public string BaseDirectory { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    /// <summary>Files under <paramref name="root"/> that match, as relative paths with forward slashes, in ordinal order.</summary>
    /// <param name="root">The config's folder.</param>
    /// <param name="folders">When given, receives the full path of every folder read (the base folder
    /// and each one recursed into): adding, removing or renaming a file changes one of their mtimes.</param>
    /// <param name="skip">A full folder path not to recurse into (the build's output: its files are never inputs).</param>
    public IReadOnlyList<string> Expand(string root, ICollection<string>? folders = null, string? skip = null)
    {
        var start = Path.GetFullPath(Path.Combine(root, BaseDirectory));
        if (!Directory.Exists(start))
        {
            // The nearest folder that exists is what changes when the base folder is created.
            var parent = Path.GetDirectoryName(start);
            while (parent is not null && !Directory.Exists(parent))
            {
                parent = Path.GetDirectoryName(parent);
            }

            if (parent is not null)
            {
                folders?.Add(parent);
            }

            return File.Exists(Path.Combine(root, Pattern)) ? [Pattern] : [];
        }

        folders?.Add(start);
        var files = new FileSystemEnumerable<string>(
            start, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
            {
                var folder = entry.ToFullPath();
                if (folder == skip)
                {
                    return false;
                }

                folders?.Add(folder);
                return true;
            },
        };
        return files
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(IsMatch)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a trailing "**" anything below.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:[^/]+/)*" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var end and > 0)
            {
                regex.Append('[').Append(Regex.Escape(pattern[(i + 1)..end]).Replace("\\-", "-")).Append(']');
                i = end;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
