using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Augment.Integration.Tests.TestSupport;

/// <summary>
/// Debian's nginx (build/setup.sh installs nginx-light) serving WebDAV PUT, as an HTTP cache in
/// Bazel's protocol: started on 127.0.0.1 on a free port from a config written into a temporary
/// folder, stopped on dispose. <see cref="Root"/> is the folder it serves (cas/, ac/); the access log
/// lists every request. With <paramref name="user"/>, basic auth guards everything.
/// </summary>
internal sealed class NginxServer : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new("augment-nginx-");
    private Process? _process;

    public NginxServer((string User, string Password)? user = null)
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(_folder.Combine("logs"));
        if (user is { } credentials)
        {
            // nginx reads {PLAIN} passwords (no htpasswd tool needed).
            File.WriteAllText(_folder.Combine("users"), $"{credentials.User}:{{PLAIN}}{credentials.Password}\n");
        }

        Port = FreePort();
        WriteConfig(user is not null);
        Start();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>The URL with <paramref name="user"/>:<paramref name="password"/> in it.</summary>
    public string UrlWith(string user, string password) => $"http://{user}:{password}@127.0.0.1:{Port}/";

    public string Root => _folder.Combine("root");

    public string AccessLogPath => _folder.Combine("logs", "access.log");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The requests so far: method and path, one per line of the access log.</summary>
    public IReadOnlyList<(string Method, string Path, int Status)> Requests() =>
        File.Exists(AccessLogPath)
            ? File.ReadAllLines(AccessLogPath).Select(l => l.Split(' ')).Where(p => p.Length >= 3).Select(p => (p[0], p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))).ToList()
            : [];

    public string ObjectPath(string sha256) => Path.Combine(Root, "cas", sha256);

    public void Start()
    {
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-p", _folder.Path, "-c", _folder.Combine("nginx.conf"), "-g", "daemon off;"])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        var clock = Stopwatch.StartNew();
        while (!Answers())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()} {File.ReadAllText(_folder.Combine("logs", "error.log"))}");
            }

            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"nginx did not answer on port {Port} within {Limit}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Stops the server (SIGTERM: nginx's fast shutdown) and waits until it has gone.</summary>
    public void Stop()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
        _folder.Dispose();
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WriteConfig(bool auth)
    {
        var prefix = _folder.Path;
        var asRoot = Environment.UserName == "root" ? "user root;\n" : string.Empty; // workers write the temporary folder as its owner
        var guard = auth ? "      auth_basic \"cache\";\n      auth_basic_user_file " + Path.Combine(prefix, "users") + ";\n" : string.Empty;
        File.WriteAllText(_folder.Combine("nginx.conf"), $$"""
            {{asRoot}}worker_processes 2;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log;
            events { worker_connections 512; }
            http {
              log_format requests '$request_method $uri $status';
              access_log {{prefix}}/logs/access.log requests;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              client_max_body_size 0;
              keepalive_requests 100000;
              sendfile on;
              server {
                listen 127.0.0.1:{{Port}};
                root {{prefix}}/root;
                location / {
            {{guard}}      dav_methods PUT;
                  create_full_put_path on;
                  dav_access user:rw group:r all:r;
                }
              }
            }

            """);
    }
}
