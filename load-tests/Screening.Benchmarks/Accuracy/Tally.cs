using System.Globalization;

namespace Screening.Benchmarks.Accuracy;

/// <summary>Confusion counts and the measures derived from them.</summary>
internal sealed class Tally(string name)
{
    public string Name { get; } = name;

    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public int TrueNegatives { get; set; }

    public int Count => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : TruePositives / (double)(TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : TruePositives / (double)(TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double FalsePositiveRate => FalsePositives + TrueNegatives == 0 ? 0 : FalsePositives / (double)(FalsePositives + TrueNegatives);

    public void Add(bool expected, bool predicted)
    {
        if (expected && predicted)
        {
            TruePositives++;
        }
        else if (expected)
        {
            FalseNegatives++;
        }
        else if (predicted)
        {
            FalsePositives++;
        }
        else
        {
            TrueNegatives++;
        }
    }

    public void Add(Tally other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
        TrueNegatives += other.TrueNegatives;
    }

    public static string Header => "| set | pairs | TP | FP | FN | TN | precision | recall | F1 | FP rate |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Count} | {TruePositives} | {FalsePositives} | {FalseNegatives} | {TrueNegatives} | {Precision:0.000} | {Recall:0.000} | {F1:0.000} | {FalsePositiveRate:0.000} |");
}
