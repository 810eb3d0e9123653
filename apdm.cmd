@echo off
rem apdm launcher for Windows: builds when needed, then runs the application.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\target\apdm.jar"
if not exist "%JAR%" (
  echo apdm: building ^(first run; takes a minute^)... 1>&2
  pushd "%HERE%" && call mvnw.cmd -q -B -DskipTests package & popd
)
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
"%JAVA%" -jar "%JAR%" %*
