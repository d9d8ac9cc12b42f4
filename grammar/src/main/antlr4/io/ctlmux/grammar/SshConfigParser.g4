parser grammar SshConfigParser;
options { tokenVocab = SshConfigLexer; }
configFile : (TEXT | NL)* EOF ;
