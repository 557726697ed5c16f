// The build failed in javac, on the base template's own line and column, in the form IDEs link.
def log = new File(basedir, 'build.log').text
def base = new File(basedir, 'src/main/cloudformation/template.yaml').canonicalPath
assert log.contains("${base}:7:13: [StratusUnknownProperty] Resources/Files/Properties/CorsConfiguration/CorsRules/0/AllowedMethod: CorsRule has no property 'AllowedMethod'; did you mean 'AllowedMethods'?") : log
assert !new File(basedir, 'target/template.yaml').exists()
return true
