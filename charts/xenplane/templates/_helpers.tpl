{{/* The release's base name: <release>-xenplane, or the release name when it already says xenplane. */}}
{{- define "xenplane.fullname" -}}
{{- if contains "xenplane" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-xenplane" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "xenplane.selectorLabels" -}}
app.kubernetes.io/name: xenplane
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Labels of every object: call with (dict "root" $ "component" "<name>"). */}}
{{- define "xenplane.labels" -}}
{{ include "xenplane.selectorLabels" . }}
app.kubernetes.io/part-of: xenplane
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* An image reference: call with (dict "root" $ "name" "<image name>"). */}}
{{- define "xenplane.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := $image.tag | default .root.Chart.AppVersion -}}
{{- if $image.registry -}}
{{- printf "%s/%s/%s:%s" $image.registry $image.repository .name $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" $image.repository .name $tag -}}
{{- end -}}
{{- end -}}

{{/*
A service's effective settings as YAML: serviceDefaults, with each key that the service's own entry
gives replacing the default of the same name whole. Call with (dict "root" $ "name" "<service>");
read with fromYaml.
*/}}
{{- define "xenplane.service" -}}
{{- $effective := deepCopy .root.Values.serviceDefaults -}}
{{- range $key, $value := index .root.Values.services .name -}}
{{- $_ := set $effective $key $value -}}
{{- end -}}
{{- $_ := set $effective "name" .name -}}
{{- toYaml $effective -}}
{{- end -}}

{{- define "xenplane.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "xenplane.fullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/* The Secret and key holding the database password. */}}
{{- define "xenplane.databaseSecretName" -}}
{{- if .Values.postgresql.enabled -}}
{{- printf "%s-postgresql" (include "xenplane.fullname" .) -}}
{{- else if .Values.database.existingSecret -}}
{{- .Values.database.existingSecret -}}
{{- else if .Values.database.password -}}
{{- printf "%s-database" (include "xenplane.fullname" .) -}}
{{- else -}}
{{- fail "database: set database.existingSecret (a Secret holding the password) or database.password, or postgresql.enabled=true for evaluation" -}}
{{- end -}}
{{- end -}}

{{- define "xenplane.databaseSecretKey" -}}
{{- if or .Values.postgresql.enabled (not .Values.database.existingSecret) -}}
password
{{- else -}}
{{- .Values.database.passwordKey -}}
{{- end -}}
{{- end -}}

{{- define "xenplane.bootstrapAdminSecretName" -}}
{{- .Values.bootstrapAdmin.existingSecret | default (printf "%s-bootstrap-admin" (include "xenplane.fullname" .)) -}}
{{- end -}}

{{- define "xenplane.bootstrapAdminSecretKey" -}}
{{- if .Values.bootstrapAdmin.existingSecret -}}
{{- .Values.bootstrapAdmin.tokenKey -}}
{{- else -}}
token
{{- end -}}
{{- end -}}

{{/* The database settings every Xenplane process gets: values, and the password only by reference. */}}
{{- define "xenplane.databaseEnv" -}}
- name: XENPLANE_DB_URL
{{- if .Values.postgresql.enabled }}
  value: {{ printf "jdbc:postgresql://%s-postgresql:5432/%s" (include "xenplane.fullname" .) .Values.postgresql.database | quote }}
{{- else if .Values.database.url }}
  value: {{ .Values.database.url | quote }}
{{- else }}
{{- fail "database.url is required (jdbc:postgresql://host:5432/db), or postgresql.enabled=true for evaluation" }}
{{- end }}
- name: XENPLANE_DB_USER
  value: {{ ternary .Values.postgresql.user .Values.database.user .Values.postgresql.enabled | quote }}
- name: XENPLANE_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "xenplane.databaseSecretName" . }}
      key: {{ include "xenplane.databaseSecretKey" . }}
- name: XENPLANE_DB_POOL_SIZE
  value: {{ .Values.database.poolSize | quote }}
{{- end -}}

{{- define "xenplane.podSecurityContext" -}}
{{- toYaml .Values.securityContext.pod -}}
{{- end -}}

{{- define "xenplane.containerSecurityContext" -}}
{{- toYaml .Values.securityContext.container -}}
{{- end -}}

{{/*
A Secret made once, at install (a pre-install hook): upgrades leave it as it is, and uninstall
keeps it, like the data written with it. A new install replaces a kept one.
*/}}
{{- define "xenplane.createOnceAnnotations" -}}
helm.sh/hook: pre-install
helm.sh/hook-weight: "-10"
helm.sh/hook-delete-policy: before-hook-creation
helm.sh/resource-policy: keep
{{- end -}}
