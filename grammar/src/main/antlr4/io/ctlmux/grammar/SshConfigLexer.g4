/*
 * ssh_config lexer, following OpenSSH 9.2 (readconf.c process_config_line_depth, misc.c strdelim and argv_split).
 *
 * Lossless: nothing is skipped, so the texts of all tokens on all channels concatenate to the input.
 * No actions, no predicates. Position on the line is tracked with modes:
 *   DEFAULT_MODE  start of a line: leading separator, comment line, keyword (first strdelim call)
 *   KEYWORD2      after a leading separator: OpenSSH calls strdelim a second time
 *   AFTER_KW      after an unquoted keyword: its separator (whitespace, or one '=')
 *   AFTER_QKW     after a double-quoted keyword: only whitespace is skipped, arguments may follow at once
 *   ARG_START     at the start of an argv_split token: '#' begins a comment here
 *   ARG_IN        inside an argv_split token: '#' is literal, CR and FF are argument bytes
 *   LINE_END      after a comment or an ignored line: only the line end remains
 *
 * Line ends: OpenSSH strips trailing space, TAB, CR, LF and FF and cuts the line at a NUL byte. EOL therefore carries
 * the trailing whitespace with the LF, CUT carries a NUL and everything after it on the line, and TRAIL_EOF carries
 * trailing whitespace at the end of a file without a final LF. Rules that could end in such whitespace are written so
 * that the longest match stops before it.
 *
 * Known cases the token boundaries cannot express (the syntax layer computes them from the line text):
 * a line that is a single FF (OpenSSH never strips index 0, so "\f" is a keyword there), and "\ " (escaped space)
 * directly before trailing whitespace (OpenSSH strips the space first, leaving a literal backslash).
 */
lexer grammar SshConfigLexer;

// ---- DEFAULT_MODE: start of a physical line ----
EOL            : TRAILWS* '\n' ;
TRAIL_EOF      : TRAILWS+ EOF -> channel(HIDDEN) ;
CUT            : TRAILWS* '\u0000' ~'\n'* -> channel(HIDDEN) ;
LEAD           : ( [ \t\r]+ ( '=' [ \t\r]* )? | '=' [ \t\r]* | '""' [ \t\r]* ) -> channel(HIDDEN), mode(KEYWORD2) ;
LINE_COMMENT   : ( '#' | '"#' ) REST_OF_LINE? -> mode(LINE_END) ;
UNTERMINATED_KEYWORD : KWFF* '"' ( ~["\n\u0000]* ~["\n\u0000 \t\r\f] )? -> mode(LINE_END) ;
QKEYWORD       : KWFF* '"' ~["\n\u0000]* '"' -> type(KEYWORD), mode(AFTER_QKW) ;
KEYWORD        : ( KWFF* KWCHAR | '\f'+ ) -> mode(AFTER_KW) ;
JUNK           : ~'\n' ;

// ---- shared fragments ----
fragment TRAILWS      : [ \t\r\f] ;
fragment REST_OF_LINE : ~[\n\u0000]* ~[\n\u0000 \t\r\f] ;
fragment KWCHAR       : ~[ \t\r\n"=\u0000\f] ;
fragment KWFF         : KWCHAR | '\f' ;
fragment PLAIN        : ~[ \t\r\f\n\u0000"'\\] ;
fragment PLAIN_FIRST  : ~[ \t\r\f\n\u0000"'\\#] ;
fragment ESCAPE       : '\\' ~[\n\u0000\t\r\f] ;
fragment DQ_CHAR      : ~["\\\n\u0000] | '\\' ~[\n\u0000] ;
fragment SQ_CHAR      : ~['\\\n\u0000] | '\\' ~[\n\u0000] ;
fragment QUOTED       : '"' DQ_CHAR* '"' | '\'' SQ_CHAR* '\'' ;
fragment OPEN_QUOTE   : ( '"' DQ_CHAR* | '\'' SQ_CHAR* ) '\\'? ;
fragment PIECE        : PLAIN | ESCAPE | QUOTED ;
fragment PIECE_FIRST  : PLAIN_FIRST | ESCAPE | QUOTED ;

// ---- after a leading separator: the second strdelim call ----
mode KEYWORD2;
EOL_K2         : TRAILWS* '\n' -> type(EOL), mode(DEFAULT_MODE) ;
TRAIL_EOF_K2   : TRAILWS+ EOF -> type(TRAIL_EOF), channel(HIDDEN) ;
CUT_K2         : TRAILWS* '\u0000' ~'\n'* -> type(CUT), channel(HIDDEN), mode(DEFAULT_MODE) ;
EMPTY_KEYWORD  : ( '=' | '""' ) REST_OF_LINE? -> mode(LINE_END) ;
LINE_COMMENT_K2 : ( '#' | '"#' ) REST_OF_LINE? -> type(LINE_COMMENT), mode(LINE_END) ;
UNTERMINATED_KEYWORD_K2 : KWFF* '"' ( ~["\n\u0000]* ~["\n\u0000 \t\r\f] )? -> type(UNTERMINATED_KEYWORD), mode(LINE_END) ;
QKEYWORD_K2    : KWFF* '"' ~["\n\u0000]* '"' -> type(KEYWORD), mode(AFTER_QKW) ;
KEYWORD_K2     : ( KWFF* KWCHAR | '\f'+ ) -> type(KEYWORD), mode(AFTER_KW) ;
JUNK_K2        : ~'\n' -> type(JUNK) ;

// ---- after an unquoted keyword ----
mode AFTER_KW;
EOL_KW         : TRAILWS* '\n' -> type(EOL), mode(DEFAULT_MODE) ;
TRAIL_EOF_KW   : TRAILWS+ EOF -> type(TRAIL_EOF), channel(HIDDEN) ;
CUT_KW         : TRAILWS* '\u0000' ~'\n'* -> type(CUT), channel(HIDDEN), mode(DEFAULT_MODE) ;
KEYWORD_FF     : '\f'+ ;
SEP            : ( [ \t\r]+ ( '=' [ \t\r]* )? | '=' [ \t\r]* ) -> mode(ARG_START) ;
JUNK_KW        : ~'\n' -> type(JUNK) ;

// ---- after a double-quoted keyword ----
mode AFTER_QKW;
EOL_QKW        : TRAILWS* '\n' -> type(EOL), mode(DEFAULT_MODE) ;
TRAIL_EOF_QKW  : TRAILWS+ EOF -> type(TRAIL_EOF), channel(HIDDEN) ;
CUT_QKW        : TRAILWS* '\u0000' ~'\n'* -> type(CUT), channel(HIDDEN), mode(DEFAULT_MODE) ;
SEP_QKW        : [ \t\r]+ -> type(SEP), mode(ARG_START) ;
COMMENT_QKW    : '#' REST_OF_LINE? -> type(COMMENT), mode(LINE_END) ;
ARG_UNTERMINATED_QKW : ( PIECE_FIRST PIECE* OPEN_QUOTE | OPEN_QUOTE ) -> type(ARG_UNTERMINATED), mode(ARG_IN) ;
ARG_QKW        : ( PIECE_FIRST PIECE* '\\'? | '\\' ) -> type(ARG), mode(ARG_IN) ;
ARG_CRFF_QKW   : '\f' [\r\f]* -> type(ARG_CRFF), mode(ARG_IN) ;
JUNK_QKW       : ~'\n' -> type(JUNK) ;

// ---- start of an argv_split token ----
mode ARG_START;
EOL_AS         : TRAILWS* '\n' -> type(EOL), mode(DEFAULT_MODE) ;
TRAIL_EOF_AS   : TRAILWS+ EOF -> type(TRAIL_EOF), channel(HIDDEN) ;
CUT_AS         : TRAILWS* '\u0000' ~'\n'* -> type(CUT), channel(HIDDEN), mode(DEFAULT_MODE) ;
COMMENT        : '#' REST_OF_LINE? -> mode(LINE_END) ;
ARG_UNTERMINATED : ( PIECE_FIRST PIECE* OPEN_QUOTE | OPEN_QUOTE ) -> mode(ARG_IN) ;
ARG            : ( PIECE_FIRST PIECE* '\\'? | '\\' ) -> mode(ARG_IN) ;
ARG_CRFF       : [\r\f]+ -> mode(ARG_IN) ;
SEP_AS         : [ \t]+ -> type(SEP) ;
JUNK_AS        : ~'\n' -> type(JUNK) ;

// ---- inside an argv_split token ----
mode ARG_IN;
EOL_AI         : TRAILWS* '\n' -> type(EOL), mode(DEFAULT_MODE) ;
TRAIL_EOF_AI   : TRAILWS+ EOF -> type(TRAIL_EOF), channel(HIDDEN) ;
CUT_AI         : TRAILWS* '\u0000' ~'\n'* -> type(CUT), channel(HIDDEN), mode(DEFAULT_MODE) ;
SEP_AI         : [ \t]+ -> type(SEP), mode(ARG_START) ;
ARG_UNTERMINATED_AI : ( PIECE+ OPEN_QUOTE | OPEN_QUOTE ) -> type(ARG_UNTERMINATED) ;
ARG_AI         : ( PIECE+ '\\'? | '\\' ) -> type(ARG) ;
ARG_CRFF_AI    : [\r\f]+ -> type(ARG_CRFF) ;
JUNK_AI        : ~'\n' -> type(JUNK) ;

// ---- after a comment or an ignored line ----
mode LINE_END;
EOL_LE         : TRAILWS* '\n' -> type(EOL), mode(DEFAULT_MODE) ;
TRAIL_EOF_LE   : TRAILWS+ EOF -> type(TRAIL_EOF), channel(HIDDEN) ;
CUT_LE         : TRAILWS* '\u0000' ~'\n'* -> type(CUT), channel(HIDDEN), mode(DEFAULT_MODE) ;
JUNK_LE        : ~'\n' -> type(JUNK) ;
