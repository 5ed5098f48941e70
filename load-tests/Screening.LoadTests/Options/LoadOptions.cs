using System.Globalization;
using Screening.LoadTests.Running;

namespace Screening.LoadTests.Options;

/// <summary>Command-line options of the load generator (see README.md in this folder).</summary>
public sealed class LoadOptions
{
    public static readonly string[] AllScenarios = ["ping", "screen", "batch", "stream", "tenants", "churn"];

    public List<string> Scenarios { get; } = [];

    public List<Uri> Targets { get; } = [];

    public string? OperatorKey { get; set; }

    public LoadModel Model { get; set; } = LoadModel.Closed;

    public int Concurrency { get; set; } = 64;

    public double Rate { get; set; } = 1000;

    public int MaxInFlight { get; set; } = 20_000;

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(5);

    public int ListSize { get; set; } = 2_000;

    public int SmallListSize { get; set; } = 500;

    public string? OfficialListsFolder { get; set; }

    public double HitRatio { get; set; } = 0.02;

    /// <summary>Distinct prepared requests per run, cycled: large enough that a 25 s run does not repeat one (repeats would be answered by the result cache).</summary>
    public int PoolSize { get; set; } = 131_072;

    public int BatchSize { get; set; } = 100;

    public int Connections { get; set; } = 2;

    public int StreamsPerConnection { get; set; } = 2;

    public int Tenants { get; set; } = 50;

    public TimeSpan ChurnInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string ReportDirectory { get; set; } = Path.Combine("load-tests", "reports"); // ignored by .gitignore when run from the repository root

    public bool Smoke { get; set; }

    public bool AllowRemote { get; set; }

    public string RunId { get; set; } = "r" + Environment.TickCount64.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>The smoke profile: every scenario, small data, a second or two each, correctness checks at a 30% hit share.</summary>
    public static LoadOptions SmokeProfile(Uri target, string operatorKey, string reportDirectory)
    {
        var o = new LoadOptions
        {
            Smoke = true,
            OperatorKey = operatorKey,
            Concurrency = 8,
            Rate = 200,
            Duration = TimeSpan.FromSeconds(1.5),
            Warmup = TimeSpan.FromSeconds(0.5),
            ListSize = 400,
            SmallListSize = 100,
            HitRatio = 0.3,
            PoolSize = 4096,
            BatchSize = 20,
            Connections = 1,
            StreamsPerConnection = 2,
            Tenants = 6,
            ChurnInterval = TimeSpan.FromMilliseconds(300),
            ReportDirectory = reportDirectory,
        };
        o.Targets.Add(target);
        o.Scenarios.AddRange(AllScenarios);
        o.Scenarios.Add("screen-open");
        return o;
    }

    /// <summary>Parses arguments; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        string? keyFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--target": o.Targets.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => new Uri(t))); break;
                case "--operator-key": o.OperatorKey = Next(); break;
                case "--operator-key-file": keyFile = Next(); break;
                case "--model": o.Model = Enum.Parse<LoadModel>(Next(), ignoreCase: true); break;
                case "--concurrency" or "-c": o.Concurrency = Int(Next(), arg); break;
                case "--rate": o.Rate = double.Parse(Next(), CultureInfo.InvariantCulture); o.Model = LoadModel.Open; break;
                case "--max-in-flight": o.MaxInFlight = Int(Next(), arg); break;
                case "--duration" or "-d": o.Duration = Seconds(Next()); break;
                case "--warmup": o.Warmup = Seconds(Next()); break;
                case "--list-size": o.ListSize = Int(Next(), arg); break;
                case "--small-list-size": o.SmallListSize = Int(Next(), arg); break;
                case "--official-lists": o.OfficialListsFolder = Next(); break;
                case "--hit-ratio": o.HitRatio = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pool-size": o.PoolSize = Int(Next(), arg); break;
                case "--batch-size": o.BatchSize = Int(Next(), arg); break;
                case "--connections": o.Connections = Int(Next(), arg); break;
                case "--streams": o.StreamsPerConnection = Int(Next(), arg); break;
                case "--tenants": o.Tenants = Int(Next(), arg); break;
                case "--churn-interval": o.ChurnInterval = Seconds(Next()); break;
                case "--report-dir": o.ReportDirectory = Next(); break;
                case "--run-id": o.RunId = Next(); break;
                case "--allow-remote": o.AllowRemote = true; break;
                case "--smoke": o.Smoke = true; break;
                case "all": o.Scenarios.AddRange(AllScenarios); break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new ArgumentException($"unknown option {arg}");
                    }

                    foreach (var s in arg.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!AllScenarios.Contains(s, StringComparer.Ordinal) && s != "screen-open")
                        {
                            throw new ArgumentException($"unknown scenario '{s}' (known: {string.Join(", ", AllScenarios)}, all)");
                        }

                        o.Scenarios.Add(s);
                    }

                    break;
            }
        }

        if (o.Targets.Count == 0)
        {
            o.Targets.Add(new Uri("http://127.0.0.1:5080"));
        }

        if (o.OperatorKey is null && keyFile is not null)
        {
            o.OperatorKey = File.ReadAllText(keyFile).Trim();
        }

        o.OperatorKey ??= Environment.GetEnvironmentVariable("SCREENING_OPERATOR_KEY");
        if (string.IsNullOrWhiteSpace(o.OperatorKey))
        {
            throw new ArgumentException("no operator key: pass --operator-key, --operator-key-file (e.g. src/Screening.Host/.data/postgres/operator-key) or set SCREENING_OPERATOR_KEY");
        }

        if (!o.AllowRemote && o.Targets.FirstOrDefault(t => !t.IsLoopback) is { } remote)
        {
            throw new ArgumentException($"target {remote} is not a loopback address; pass --allow-remote to load another machine");
        }

        if (o.Scenarios.Count == 0)
        {
            o.Scenarios.AddRange(o.Smoke ? AllScenarios : ["ping", "screen"]);
        }

        if (o.Smoke)
        {
            var smoke = SmokeProfile(o.Targets[0], o.OperatorKey, o.ReportDirectory);
            smoke.Targets.Clear();
            smoke.Targets.AddRange(o.Targets);
            smoke.RunId = o.RunId;
            return smoke;
        }

        return o;
    }

    private static int Int(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name}: '{value}' is not a positive integer");

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture));
}
