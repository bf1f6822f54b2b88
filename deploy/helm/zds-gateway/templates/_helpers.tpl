{{/* Name of the chart's objects: the release name, with the chart name unless the release already holds it. */}}
{{- define "zds-gateway.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "zds-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "zds-gateway.labels" -}}
{{ include "zds-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "zds-gateway.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* The Secret with the configuration file: the user's own, or the chart's made from config.inhoud; "" for none. */}}
{{- define "zds-gateway.configSecret" -}}
{{- if .Values.config.bestaandSecret -}}
{{ .Values.config.bestaandSecret }}
{{- else if .Values.config.inhoud -}}
{{ include "zds-gateway.fullname" . }}-config
{{- end -}}
{{- end -}}

{{- define "zds-gateway.sqlite" -}}
{{- if eq .Values.database.soort "sqlite" -}}ja{{- else if eq .Values.database.soort "postgres" -}}{{- else -}}
{{- fail (printf "database.soort moet sqlite of postgres zijn, niet %q" .Values.database.soort) -}}
{{- end -}}
{{- end -}}

{{- define "zds-gateway.claim" -}}
{{ .Values.database.sqlite.bestaandeClaim | default (printf "%s-data" (include "zds-gateway.fullname" .)) }}
{{- end -}}
