using Screening.Host;

return await PlatformHost.RunAsync(args);
