#!/usr/bin/perl
# check_texts.pl -- what the compiler cannot check about the language table,
# run on the sources by tests/e2e_texts.sh (perl is part of every Debian):
#
#  1. every call that takes a text of the table as its format (lang_text(l,
#     T_...), cfg_words(r, T_...), FAIL(..., T_...), cfg_error, cfg_csv_fail,
#     usage_error, load_error) passes as many arguments as the English text has
#     conversions (test_lang.c checks that the Chinese has the same ones);
#  2. no English words are printed from a string literal in the code that
#     speaks to people (sim/cmd, sim/config, the run's text and --check),
#     nor written into an error message anywhere in sim/results (snprintf
#     into err): every format there comes from the table, or is in the
#     allow-list below of machine formats and words that are the same in
#     every language (the program's name, file names, "FILE:LINE:
#     SETTING:").  Not checked: sim/charts (gnuplot scripts and HTML, whose
#     words come from the table), and the internal failures of sim/model and
#     sim/engine (out of memory inside the model, a broken invariant), which
#     are reports for the developers.
#
# Prints each problem as FILE:LINE: what; exits 1 when there is one.
use strict;
use warnings;

my $root = shift // '.';
my (%conv, $bad);

# ---- the table: each id's English text and the number of arguments it takes
sub conversions {
    my ($s) = @_;
    $s =~ s/%%//g;
    my @c = $s =~ /%[-+#0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGaAcsp]/g;
    my $stars = () = join('', @c) =~ /\*/g;       # a '*' width or precision takes an argument
    return @c + $stars;
}
for my $f (glob "$root/sim/engine/lang*.c") {
    open my $h, '<', $f or die "$f: $!";
    my $s = do { local $/; <$h> };
    while ($s =~ /\[(T_\w+)\]\s*=\s*\{\s*((?:"(?:[^"\\]|\\.)*"\s*|PRI\w+\s*)+),/g) {
        my ($id, $lits) = ($1, $2);
        my $en = '';
        while ($lits =~ /"((?:[^"\\]|\\.)*)"|PRI(\w)\w*/g) {
            $en .= defined $1 ? $1 : "l$2";
        }
        $conv{$id} = conversions($en);
    }
}
die "check_texts: no texts found under $root/sim/engine\n" unless %conv;

# ---- the calls
# The arguments of the call whose '(' is at $pos in $s: a list of strings.
sub args_at {
    my ($s, $pos) = @_;
    my ($depth, $cur, @args) = (0, '');
    for (my $i = $pos; $i < length $s; $i++) {
        my $c = substr $s, $i, 1;
        if ($c eq '"' || $c eq "'") {
            my $q = $c;
            my $j = $i + 1;
            $j++ while $j < length $s && (substr($s, $j, 1) ne $q || substr($s, $j - 1, 1) eq '\\'
                                          && substr($s, $j - 2, 1) ne '\\');
            $cur .= substr $s, $i, $j - $i + 1 if $depth;
            $i = $j;
            next;
        }
        if ($c =~ /[([{]/) { $depth++; next if $depth == 1; }
        if ($c =~ /[)\]}]/) { $depth--; if ($depth == 0) { push @args, $cur; return @args; } }
        if ($c eq ',' && $depth == 1) { push @args, $cur; $cur = ''; next; }
        $cur .= $c;
    }
    return @args;
}
# Which argument is the text id (or the format) of each kind of call.
my %at = (FAIL => 3, cfg_error => 5, cfg_csv_fail => 5, usage_error => 1, load_error => 6,
          fprintf => 1, printf => 0, snprintf => 2, sprintf => 1);
my @speaking = qw(sim/cmd sim/config sim/results/report_text.c sim/results/check.c);
# Literal formats allowed where people read: no words of any language.
my @allowed = (
    qr/^supplysim(?: %s| merge| compare)?:? ?(?:%s)?$/,  # the program's name, then a text
    qr/^\\r/, qr/^%s\.\w+$/, qr/^%s:%d: %s[%s]*: %s$/,
    qr/^(?:[^A-Za-z%]|%%|%[-+#0-9.*]*[a-z]+)*$/,       # only numbers, spaces, marks
    qr/^%s\/(?:results\.dat|resolved\.cfg|study\.dat)$/, qr/^out\/%s-%s$/,
    qr/^v = %s;$/,                                        # a -D value as libconfig reads it
    qr/^(?:facility_kinds|set)[.%]/, qr/^\[%d\]$/, qr/^site_%s/, qr/^(?:protect|close) %s$/,
    qr/^%s (?:low|high)$/, qr/^township,central_min/,
    qr/^[\w.]+: %s$/,                                    # a file's name, then a text
    qr/^supplysim import-network$/, qr/^p%d_%d$/,        # import-network's command line, a node id
    qr/^SET interest_layers = %s$/,                      # GDAL's OpenStreetMap driver's SQL
);
for my $f (glob("$root/sim/*/*.c")) {
    next if $f =~ m{/engine/lang\w*\.c$};
    open my $h, '<', $f or die "$f: $!";
    my $s = do { local $/; <$h> };
    (my $code = $s) =~ s{/\*.*?\*/}{' ' x length $&}gse;
    my $rel = $f =~ s{^\Q$root\E/}{}r;
    my $speaks = grep { index($rel, $_) == 0 } @speaking;
    while ($code =~ /\b(FAIL|cfg_error|cfg_csv_fail|usage_error|load_error|fprintf|printf|snprintf|sprintf)\s*\(/g) {
        my ($fn, $open) = ($1, pos($code) - 1);
        my $line = 1 + (substr($code, 0, $open) =~ tr/\n//);
        my @a = args_at($code, $open);
        my $k = $at{$fn};
        next if @a <= $k;
        my $fmt = $a[$k];
        $fmt =~ s/^\s+|\s+$//g;
        my $rest = @a - $k - 1;
        if ($fmt =~ /^(?:lang_text|cfg_words)\s*\(/ || $fn =~ /^(?:FAIL|cfg_error|cfg_csv_fail|usage_error|load_error)$/) {
            next if $fmt =~ /\[/;                      # a text chosen from an array: not checked
            my @ids = $fmt =~ /\b(T_[A-Z0-9_]+)\b/g;
            for my $id (@ids) {
                if (!exists $conv{$id}) {
                    print "$rel:$line: $id: no such text\n";
                    $bad = 1;
                } elsif ($conv{$id} != $rest) {
                    print "$rel:$line: $fn with $id: $conv{$id} conversions, $rest arguments\n";
                    $bad = 1;
                }
            }
            next;
        }
        my $err_msg = $rel =~ m{^sim/results/} && $fn eq 'snprintf' && $a[0] =~ /\berr\b/;
        next unless ($speaks || $err_msg) && $fmt =~ /^"/;
        my $lit = join '', $fmt =~ /"((?:[^"\\]|\\.)*)"/g;
        (my $bare = $lit) =~ s/\\[nrt"\\]/ /g;      # escapes are not words
        $bare =~ s/\s+$//;
        next if grep { $bare =~ $_ } @allowed;
        print "$rel:$line: English words printed outside the language table: \"$lit\"\n";
        $bad = 1;
    }
}
exit($bad ? 1 : 0);
