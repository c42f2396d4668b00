using System.Runtime.InteropServices;

namespace Augment.Core.Platform;

/// <summary>
/// Sets a variable in the C runtime's environment, which native libraries read with getenv:
/// <see cref="Environment.SetEnvironmentVariable(string, string?)"/> changes only .NET's own copy on
/// Unix, and on Windows not the C runtime's.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> for .NET and for native code, replacing any value it had.</summary>
    public static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        var status = OperatingSystem.IsWindows() ? PutEnvWindows(name, value) :
            OperatingSystem.IsLinux() ? SetEnvLinux(name, value, 1) : SetEnvUnix(name, value, 1);
        if (status != 0)
        {
            throw new InvalidOperationException($"could not set {name} for native code (status {status})");
        }
    }

    // glibc's soname: "libc" alone would look for libc.so, which only the -dev package installs.
    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvLinux(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvUnix(string name, string value, int overwrite);

    [LibraryImport("ucrtbase.dll", EntryPoint = "_putenv_s", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PutEnvWindows(string name, string value);
}
