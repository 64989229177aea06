package dev.rehearsal.cli;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Parses {@code rehearse run} again with the settings file's options in front of the ones given. */
final class ConfigMerge {

    private ConfigMerge() {
    }

    static RunCommand withFile(RunCommand given, CommandSpec spec, Path file) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Set<String> known = spec.options().stream().flatMap(o -> Arrays.stream(o.names())).collect(Collectors.toSet());
        Set<String> matched = parsed.matchedOptions().stream().map(OptionSpec::names).flatMap(Arrays::stream)
                .collect(Collectors.toSet());
        List<String> args = new ArrayList<>(ConfigFileArgs.read(file, known, matched));
        List<String> original = parsed.originalArgs(); // the whole command line, from the top command on
        args.addAll(original.subList(original.indexOf(spec.name()) + 1, original.size()));
        RunCommand merged = new RunCommand();
        merged.configMerged = true;
        merged.secretsKnown = given.secretsKnown;
        CommandLine commandLine = new CommandLine(merged);
        commandLine.setOut(spec.commandLine().getOut());
        commandLine.setErr(spec.commandLine().getErr());
        try {
            commandLine.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, file + ": " + e.getMessage() + ".");
        }
        return merged;
    }
}
