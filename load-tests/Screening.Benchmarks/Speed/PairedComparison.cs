using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Screening.Benchmarks.Speed;

/// <summary>
/// Compares two builds of the engine in one process: each build (a checkout's Release output of this project) is loaded
/// into its own <see cref="AssemblyLoadContext"/> with its own index over the same corpus, and every query runs on both,
/// one right after the other, in alternating order. On a shared 2-core machine whose speed drifts by ±25% between runs
/// of a few seconds, this pairs each measurement with one taken under the same conditions: two runs of one build agree
/// within about 2%, where back-to-back runs of the latency report differ by up to 40%.
/// </summary>
internal static class PairedComparison
{
    public static int Run(string rootA, string rootB, double seconds)
    {
        var ci = CultureInfo.InvariantCulture;
        var a = Engine.Load(rootA, "A");
        var b = Engine.Load(rootB, "B");
        var queries = a.Queries;
        foreach (var query in queries)
        {
            a.Search(query);
            b.Search(query);
        }

        var totalA = new double[queries.Length];
        var totalB = new double[queries.Length];
        var fastestA = Enumerable.Repeat(double.MaxValue, queries.Length).ToArray();
        var fastestB = Enumerable.Repeat(double.MaxValue, queries.Length).ToArray();
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                var aFirst = ((i + rounds) & 1) == 0;
                for (var k = 0; k < 2; k++)
                {
                    var useA = aFirst == (k == 0);
                    var start = Stopwatch.GetTimestamp();
                    (useA ? a : b).Search(queries[i]);
                    var us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    if (useA)
                    {
                        totalA[i] += us;
                        fastestA[i] = Math.Min(fastestA[i], us);
                    }
                    else
                    {
                        totalB[i] += us;
                        fastestB[i] = Math.Min(fastestB[i], us);
                    }
                }
            }

            rounds++;
        }

        var meanA = totalA.Sum() / rounds / queries.Length;
        var meanB = totalB.Sum() / rounds / queries.Length;
        Console.WriteLine(string.Create(ci, $"A = {rootA}, B = {rootB}: {queries.Length} queries x {rounds} rounds, each query on both in alternating order"));
        Console.WriteLine(string.Create(ci, $"mean over all rounds: A {meanA:0.0} us, B {meanB:0.0} us, A/B {meanA / meanB:0.000}"));
        Report("all queries", Enumerable.Range(0, queries.Length));
        Report("Arabic script", Enumerable.Range(0, queries.Length).Where(i => IsArabicScript(queries[i])));
        Report("other scripts", Enumerable.Range(0, queries.Length).Where(i => !IsArabicScript(queries[i])));
        return 0;

        void Report(string label, IEnumerable<int> which)
        {
            var set = which.ToArray();
            var xa = set.Select(i => fastestA[i]).Order().ToArray();
            var xb = set.Select(i => fastestB[i]).Order().ToArray();
            double P(double[] x, double p) => x[Math.Min(x.Length - 1, (int)(p * x.Length))];
            Console.WriteLine(string.Create(ci, $"  {label} ({set.Length}), fastest round per query: median A {P(xa, 0.5):0.0} / B {P(xb, 0.5):0.0} us, p90 {P(xa, 0.9):0.0} / {P(xb, 0.9):0.0}, p99 {P(xa, 0.99):0.0} / {P(xb, 0.99):0.0}, mean {xa.Average():0.0} / {xb.Average():0.0} (A/B {xa.Average() / xb.Average():0.000})"));
        }
    }

    private static bool IsArabicScript(string query) => query.Any(c => c is >= '\u0600' and <= '\u06FF');

    /// <summary>One build: its corpus's queries and a compiled call of its index's search.</summary>
    private sealed record Engine(Func<string, int> Search, string[] Queries)
    {
        public static Engine Load(string root, string name)
        {
            var main = Path.GetFullPath(Path.Combine(root, "load-tests/Screening.Benchmarks/bin/Release/net10.0/Screening.Benchmarks.dll"));
            if (!File.Exists(main))
            {
                throw new FileNotFoundException($"No Release build of the benchmarks under {root}: run dotnet build -c Release load-tests/Screening.Benchmarks there first.", main);
            }

            var context = new BuildContext(main, name);
            var bench = context.LoadFromAssemblyPath(main);
            var matching = context.LoadFromAssemblyName(new AssemblyName("Screening.Matching"));
            var corpusType = bench.GetType("Screening.Benchmarks.Speed.BenchmarkCorpus", true)!;
            var corpus = corpusType.GetMethod("Load", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
            var entries = corpusType.GetProperty("Entries")!.GetValue(corpus)!;
            var queries = ((System.Collections.IEnumerable)corpusType.GetProperty("Queries")!.GetValue(corpus)!)
                .Cast<ITuple>().Select(t => (string)t[0]!).ToArray();
            var indexType = matching.GetType("Screening.Matching.MatchIndex", true)!;
            var build = indexType.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .First(m => m.Name == "Build" && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType.IsInstanceOfType(entries));
            var index = build.Invoke(null, [entries])!;
            var queryType = matching.GetType("Screening.Matching.ScreeningQuery", true)!;
            var search = indexType.GetMethods().First(m => m.Name == "Search" && m.GetParameters()[0].ParameterType == queryType);
            var ctor = queryType.GetConstructors().First(c => c.GetParameters() is [{ ParameterType: var t }] && t == typeof(string));
            var text = Expression.Parameter(typeof(string));
            var call = Expression.Call(Expression.Constant(index), search, Expression.New(ctor, text), Expression.Constant(0.85), Expression.Constant(10));
            var count = call.Type.GetInterfaces().Append(call.Type).Select(t => t.GetProperty("Count")).First(p => p is not null)!;
            var run = Expression.Lambda<Func<string, int>>(Expression.Property(Expression.Convert(call, count.DeclaringType!), count), text).Compile();
            return new Engine(run, queries);
        }
    }

    /// <summary>Resolves a build's own assemblies from its output folder; the runtime's are shared.</summary>
    private sealed class BuildContext(string main, string name) : AssemblyLoadContext(name)
    {
        private readonly AssemblyDependencyResolver resolver = new(main);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            resolver.ResolveAssemblyToPath(assemblyName) is { } path && !assemblyName.Name!.StartsWith("System", StringComparison.Ordinal)
                ? LoadFromAssemblyPath(path)
                : null;
    }
}
