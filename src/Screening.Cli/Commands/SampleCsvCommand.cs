using System.CommandLine;
using System.Globalization;
using Screening.Cli.Csv;

namespace Screening.Cli.Commands;

/// <summary><c>sample-csv --rows N</c>: a reproducible file of made-up customers for trying <c>screen-file</c>.</summary>
internal static class SampleCsvCommand
{
    private static readonly string[] Given =
    [
        "Aigerim", "Nursultan", "Dana", "Timur", "Aruzhan", "Yerlan", "Olga", "Ivan", "Svetlana", "Dmitry", "Maria", "James", "Emily", "Oliver",
        "Sophie", "Ahmed", "Fatima", "Omar", "Layla", "Hassan", "Bakyt", "Gulnara", "Rustam", "Farrukh", "Zarina", "Chen", "Li", "Anna", "Lukas", "Marta",
    ];

    private static readonly string[] Family =
    [
        "Nurlanova", "Abenov", "Seitkali", "Ivanov", "Petrova", "Smirnov", "Kuznetsova", "Smith", "Johnson", "Brown", "Taylor", "Al-Farsi", "Haddad",
        "Rahimov", "Karimova", "Usmonov", "Tashkentova", "Osmonov", "Zhang", "Wang", "Kowalski", "Novak", "Muller", "Schmidt", "Rossi", "Dubois",
    ];

    private static readonly string[] Companies = ["Steppe Logistics", "Altyn Trade", "Caspian Grain", "Northwind Metals", "Silk Road Freight", "Tengri Energy"];

    // Names that are, or were, on the UN list or the demo seed, so a run shows some potential matches.
    private static readonly (string Name, string Type)[] Listed =
    [
        ("Amir Khan Muttaqi", "individual"), ("Abdul Ghani Baradar", "individual"), ("Sirajuddin Haqqani", "individual"),
        ("Mohammad Hassan Akhund", "individual"), ("Taliban", "entity"), ("Al-Qaida", "entity"),
    ];

    private static readonly string[] Countries = ["KZ", "RU", "KG", "UZ", "TJ", "GB", "DE", "US", "AE", "CN", "TR", "AF"];

    public static Command Create(CommandActions actions)
    {
        var rows = new Option<int>("--rows") { Description = "number of data rows", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "random seed; the same seed gives the same file", DefaultValueFactory = _ => 1 };
        var matchEvery = new Option<int>("--listed-every") { Description = "every Nth row is a name from the lists (0: none)", DefaultValueFactory = _ => 100 };
        var output = new Option<string?>("--out") { Description = "write to this file instead of standard output", HelpName = "path" };
        var command = new Command("sample-csv", "Write a CSV of made-up customers (reference,name,dob,country,type) for trying screen-file; needs no server")
        {
            rows, seed, matchEvery, output,
        };
        actions.Set(command, async (context, ct) =>
        {
            var count = context.Value(rows);
            if (count < 0)
            {
                throw new CliException(ExitCodes.Usage, "--rows must be 0 or more");
            }

            var path = context.Value(output);
            await using var file = path is null ? null : new StreamWriter(path);
            var writer = file ?? context.Environment.Output;
            var random = new Random(context.Value(seed));
            var every = context.Value(matchEvery);
            await writer.WriteLineAsync("reference,name,dob,country,type");
            for (var i = 1; i <= count; i++)
            {
                ct.ThrowIfCancellationRequested();
                string name, type, dob = string.Empty;
                if (every > 0 && i % every == 0)
                {
                    (name, type) = Listed[random.Next(Listed.Length)];
                }
                else if (random.Next(10) == 0)
                {
                    (name, type) = (Companies[random.Next(Companies.Length)] + " " + (random.Next(2) == 0 ? "LLP" : "JSC"), "entity");
                }
                else
                {
                    (name, type) = (Given[random.Next(Given.Length)] + " " + Family[random.Next(Family.Length)], "individual");
                    dob = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1940, 2005)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}");
                }

                var reference = string.Create(CultureInfo.InvariantCulture, $"C{i:000000}");
                await writer.WriteLineAsync(CsvLine.Join([reference, name, dob, type == "entity" ? string.Empty : Countries[random.Next(Countries.Length)], type]));
            }

            await writer.FlushAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
