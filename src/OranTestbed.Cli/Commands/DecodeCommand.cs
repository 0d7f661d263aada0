using System.CommandLine;

namespace OranTestbed.Cli.Commands;

internal static class DecodeCommand
{
    public static Command Create()
    {
        var capture = new Argument<FileInfo>("CAPTURE") { Description = "pcap or pcapng file" };
        var format = new Option<string>("--format") { Description = "jsonl | text | count", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("jsonl", "text", "count");
        var command = new Command("decode", "Decode every frame of a capture") { capture, format };
        command.SetAction(parse =>
        {
            Console.WriteLine($"{parse.GetValue(capture)} {parse.GetValue(format)}");
            return 0;
        });
        return command;
    }
}
