/*
 * ssh_config parser: one line per physical line. Hidden tokens (leading separators, trailing whitespace at end of
 * file, NUL-cut tails) are not seen here but stay in the token stream. No actions.
 */
parser grammar SshConfigParser;

options { tokenVocab = SshConfigLexer; }

configFile : ( line EOL )* line EOF ;

line       : ( directive | commentLine | ignoredLine )? junk? ;

directive  : keyword SEP? ( arguments SEP? )? comment? ;

keyword    : KEYWORD KEYWORD_FF? ;

arguments  : argument ( SEP argument )* ;

argument   : ( ARG | ARG_CRFF | ARG_UNTERMINATED )+ ;

comment    : COMMENT ;

commentLine : LINE_COMMENT ;

ignoredLine : EMPTY_KEYWORD | UNTERMINATED_KEYWORD ;

junk       : JUNK ~EOL* ;
