lexer grammar SshConfigLexer;
// placeholder, replaced by the real lexer
NL : '\n' ;
TEXT : ~[\n]+ ;
