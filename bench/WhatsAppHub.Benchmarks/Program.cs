using WhatsAppHub.Benchmarks;
using WhatsAppHub.Benchmarks.Inbound;

// ./bench.sh [send|inbound] [count per phase] [concurrent callers] [open-loop rate per second]
return args.FirstOrDefault() switch
{
    "inbound" => await InboundBenchmark.RunAsync(args[1..]),
    "send" => await SendBenchmark.RunAsync(args[1..]),
    _ => await SendBenchmark.RunAsync(args),
};
